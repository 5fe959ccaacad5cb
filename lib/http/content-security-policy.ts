/**
 * The Content-Security-Policy of every page, sent by proxy.ts with a fresh nonce per request.
 * Next.js finds the nonce in the request's Content-Security-Policy header and puts it on its
 * inline bootstrap scripts; 'strict-dynamic' lets the scripts those load run too, so no
 * script runs that the page did not itself emit.
 */

/** Sites we may frame. Add a host here when a payment page must be embedded. */
export const frameSources: readonly string[] = ["'self'"];

/** Where the page's scripts may connect to. */
export const connectSources: readonly string[] = ["'self'"];

export interface PolicyOptions {
  nonce: string;
  /** The dev server evaluates code (fast refresh); production never does. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, dev }: PolicyOptions): string {
  const scriptSources = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    // React and Next.js set style attributes (and Next.js inline <style> tags without a nonce);
    // an injected style cannot run code, so styles keep 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSources.join(" ")}`,
    `frame-src ${frameSources.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 16 random bytes, base64 (the middleware runtime has Web Crypto, not node:crypto). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
