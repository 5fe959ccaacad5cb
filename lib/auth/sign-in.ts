import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertNotThrottled, clearFailures, recordFailure, type ThrottleRule } from "@/lib/auth/sign-in-throttle";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import type { Role } from "@prisma/client";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(128),
});

// Per account: a few free mistakes, then 1 s, 2 s, 4 s, … at most 5 minutes between guesses,
// so a guesser gets about a dozen tries an hour while the owner waits minutes, never days.
export const perAccount: ThrottleRule = {
  name: "signin-account",
  freeFailures: 5,
  maxDelaySeconds: 5 * 60,
  forgetAfterSeconds: 60 * 60,
};
// Per client: one address guessing across many accounts. Successes never count, so an office
// behind one address signs in as often as it likes.
export const perClient: ThrottleRule = {
  name: "signin-client",
  freeFailures: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 15 * 60,
};

// Verified against when the email is unknown, so a miss costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  sessionVersion: number;
}

export interface SignInWithPasswordOptions {
  credentials: unknown;
  /** The trusted client address (lib/http/client-address.ts). */
  clientAddress: string;
  userAgent?: string;
}

/**
 * Checks an email and password. Only failures count, against the account and the client
 * separately; a success clears the account's count. Returns null on any mismatch or for an
 * unverified address (never says which part was wrong); throws RATE_LIMITED while a delay runs.
 */
export async function signInWithPassword({
  credentials,
  clientAddress,
  userAgent,
}: SignInWithPasswordOptions): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertNotThrottled(perClient, clientAddress);
  await assertNotThrottled(perAccount, email);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  if (!user || !ok) {
    await Promise.all([recordFailure(perClient, clientAddress), recordFailure(perAccount, email)]);
    return null;
  }
  await clearFailures(perAccount, email);
  // Until the mailed link is opened the account does not sign in, and says no more than a
  // wrong password would: otherwise signing up with someone's address, then signing in,
  // would tell whether that address already had an account.
  if (!user.emailVerifiedAt) return null;
  if (user.role === "ADMIN") {
    await recordAudit(prisma, {
      actorId: user.id,
      action: "admin.sign_in",
      target: user.id,
      // Where from is the entry's origin (its actor columns): the change itself has no fields.
      origin: {
        address: clientAddress === "unknown" ? null : clientAddress,
        userAgent: userAgent?.slice(0, 512) || null,
      },
    });
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
