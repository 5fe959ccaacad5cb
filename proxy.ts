import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

/** Pages that need a signed-in user. */
const signedInOnly = [
  /^\/recharge$/,
  /^\/redeem$/,
  /^\/orders(\/.*)?$/,
  /^\/ledger$/,
  /^\/account$/,
  /^\/admin(\/.*)?$/,
];

/**
 * Anonymous visitors to a page that needs a signed-in user go to sign in before anything
 * renders. The pages check again (and read the user fresh from the database); this gate exists
 * because a page under a loading boundary has already answered 200 with its skeleton by the time
 * it could redirect, so a visitor would see a flash of it and a client-side redirect instead of a
 * 307.
 */
async function signInRedirect(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (!signedInOnly.some((pattern) => pattern.test(pathname))) return null;
  const token = await getToken({ req: request, secret: authSecret() });
  if (token?.uid) return null;
  // Next.js sends a same-origin redirect as a relative Location, like the pages' own redirect.
  const signIn = `/sign-in?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
  return NextResponse.redirect(new URL(signIn, request.url), 307);
}

/** The sandbox's Alipay website cashier: the order page frames it (page.pay, qr_pay_mode 4). */
const framedBySelf = /^\/sandbox\/cashier\/[^/]+$/;

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. Next.js reads the nonce from
 * the request's policy header and sets it on the inline scripts it renders.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const redirect = await signInRedirect(request);
  if (redirect) return redirect;
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV !== "production",
    framedBy: framedBySelf.test(request.nextUrl.pathname) ? "self" : "none",
  });
  const headers = new Headers(request.headers);
  // For server components that render a script of their own (next/script takes a nonce prop).
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes, the sandbox gateways' route handlers, Next.js assets and files from
  // public/ (anything with an extension) run no inline scripts and need no nonce.
  matcher: ["/((?!api/|_next/|sandbox/alipay/|sandbox/wechat/|.*\\.[A-Za-z0-9]+$).*)"],
};
