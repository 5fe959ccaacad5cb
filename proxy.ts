import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";

/**
 * Pages that need a signed-in user send anonymous visitors to sign in before anything renders.
 * The pages check again (and read the user fresh from the database); this gate exists because a
 * page under a loading boundary has already answered 200 with its skeleton by the time it could
 * redirect, so a visitor would see a flash of it and a client-side redirect instead of a 307.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = await getToken({ req: request, secret: authSecret() });
  if (token?.uid) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  // Next.js sends a same-origin redirect as a relative Location, like the pages' own redirect.
  const signIn = `/sign-in?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
  return NextResponse.redirect(new URL(signIn, request.url), 307);
}

export const config = {
  matcher: ["/recharge", "/redeem", "/orders", "/orders/:orderNo*", "/ledger", "/account", "/admin", "/admin/:path*"],
};
