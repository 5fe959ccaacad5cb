import { env } from "@/lib/env";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from one of our own pages. Browsers send Origin (and
 * Sec-Fetch-Site) on such requests; a cross-site form or script is refused. Requests without
 * either header come from no browser, so they cannot ride on a visitor's session cookie.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (safeMethods.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin) {
    const allowed = new Set([originOf(env().APP_URL), originOf(request.url)]);
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (host) {
      allowed.add(`http://${host}`);
      allowed.add(`https://${host}`);
    }
    return allowed.has(origin);
  }
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}
