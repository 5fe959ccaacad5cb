import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { consume, reset, type LimitRule } from "@/lib/rate-limit";
import type { Role } from "@prisma/client";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(128),
});

const perAccount: LimitRule = { name: "signin-account", points: 10, durationSeconds: 15 * 60 };
const perClient: LimitRule = { name: "signin-client", points: 30, durationSeconds: 15 * 60 };

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
}

/**
 * Checks an email and password, counting the attempt against the account and the client.
 * Returns null on any mismatch (never says which part was wrong); throws RATE_LIMITED.
 */
export async function signInWithPassword(input: unknown, clientKey: string): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await consume(perClient, clientKey);
  await consume(perAccount, email);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  if (!user || !ok) return null;
  await reset(perAccount, email);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
