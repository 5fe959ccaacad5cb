import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { AppError } from "@/lib/errors";

/** What a valid session cookie says, before any database read. */
export interface SessionClaims {
  userId: string;
  /** The account's session version when the token was made; a raised version revokes it. */
  sessionVersion: number;
}

/**
 * The session cookie's claims, decrypted and checked for expiry, without next-auth's whole
 * session handler or a user lookup: for hot read-only routes (the pay page's polling and live
 * stream) whose own single query also checks the user (see `readOrderStatus`). Anything that
 * needs the user's role or changes state goes through `requireApiUser` instead.
 */
export async function requireSessionClaims(request: NextRequest): Promise<SessionClaims> {
  const token = await getToken({ req: request, secret: authSecret() });
  if (typeof token?.uid !== "string") throw new AppError("UNAUTHENTICATED", "sign_in_required");
  return { userId: token.uid, sessionVersion: typeof token.sv === "number" ? token.sv : 0 };
}
