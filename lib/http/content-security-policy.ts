/**
 * The Content-Security-Policy of every page, sent by proxy.ts with a fresh nonce per request.
 * Next.js finds the nonce in the request's Content-Security-Policy header and puts it on its
 * inline bootstrap scripts; 'strict-dynamic' lets the scripts those load run too, so no
 * script runs that the page did not itself emit.
 */

/**
 * Sites we may frame. Alipay's website cashier (page.pay, qr_pay_mode 4) is framed in the order
 * page: its gateway and the cashier host it redirects to, live and Alipay's developer sandbox. The
 * app's own sandbox gateway is 'self'. A config on another gateway host must be added here.
 */
export const frameSources: readonly string[] = [
  "'self'",
  "https://openapi.alipay.com",
  "https://excashier.alipay.com",
  "https://openapi-sandbox.dl.alipaydev.com",
  "https://excashier-sandbox.dl.alipaydev.com",
];

/** Where the page's scripts may connect to. */
export const connectSources: readonly string[] = ["'self'"];

export interface PolicyOptions {
  nonce: string;
  /** The dev server evaluates code (fast refresh); production never does. */
  dev: boolean;
  /** Who may frame the page: nobody, or this app (the sandbox's cashier, framed by the order page). */
  framedBy?: "none" | "self";
}

export function contentSecurityPolicy({ nonce, dev, framedBy = "none" }: PolicyOptions): string {
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
    `frame-ancestors '${framedBy}'`,
  ].join("; ");
}

/** A fresh nonce: 16 random bytes, base64 (the middleware runtime has Web Crypto, not node:crypto). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
