import { createHash, randomBytes } from "node:crypto";
import type { AccountTokenPurpose, Prisma } from "@prisma/client";

/** Tokens are 256 random bits: a fast hash is enough to make a stolen table useless. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface IssueTokenOptions {
  userId: string;
  purpose: AccountTokenPurpose;
  ttlMinutes: number;
  now?: Date;
}

/** Stores the hash of a new single-use token and returns the token itself, for the mail only. */
export async function issueToken(
  tx: Prisma.TransactionClient,
  { userId, purpose, ttlMinutes, now = new Date() }: IssueTokenOptions,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMinutes * 60_000) },
  });
  return token;
}

export interface ConsumeTokenOptions {
  token: string;
  purpose: AccountTokenPurpose;
  now?: Date;
}

/**
 * Spends a token: the unused, unexpired condition is inside the update, so of two requests
 * racing with one link only one gets the user id. Null for unknown, used or expired tokens.
 */
export async function consumeToken(
  tx: Prisma.TransactionClient,
  { token, purpose, now = new Date() }: ConsumeTokenOptions,
): Promise<string | null> {
  const tokenHash = hashToken(token);
  const spent = await tx.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) return null;
  const row = await tx.accountToken.findUnique({ where: { tokenHash }, select: { userId: true } });
  return row?.userId ?? null;
}
