import { randomBytes } from "node:crypto";
import type { CreditHold, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";

export interface CreateHoldOptions {
  userId: string;
  amount: number;
  /** Names the request that made it; the same key again is the same hold. */
  idempotencyKey: string;
  expiresInSeconds: number;
  reason?: string;
  reference?: string;
  metadata?: Prisma.InputJsonObject;
  apiKeyId?: string;
}

/**
 * Reserves credits inside the caller's transaction: the user's `heldCredits` grows only if the
 * available credits (balance − heldCredits) cover the amount, checked inside the UPDATE, so
 * concurrent holds and debits can never reserve or spend the same credits twice.
 */
export async function createHold(tx: Prisma.TransactionClient, options: CreateHoldOptions): Promise<CreditHold> {
  const existing = await tx.creditHold.findUnique({ where: { idempotencyKey: options.idempotencyKey } });
  if (existing) return existing;
  const reserved = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "User" SET "heldCredits" = "heldCredits" + ${options.amount}, "updatedAt" = now()
    WHERE id = ${options.userId} AND balance - "heldCredits" >= ${options.amount}
    RETURNING id`;
  if (!reserved.length) {
    const user = await tx.user.findUnique({
      where: { id: options.userId },
      select: { balance: true, heldCredits: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "user_not_found");
    throw new AppError("PAYMENT_REQUIRED", "insufficient_credits", {
      available: Math.max(0, user.balance - user.heldCredits),
    });
  }
  return tx.creditHold.create({
    data: {
      id: `hold_${randomBytes(16).toString("base64url")}`,
      userId: options.userId,
      amount: options.amount,
      idempotencyKey: options.idempotencyKey,
      expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000),
      reason: options.reason,
      reference: options.reference,
      metadata: options.metadata,
      apiKeyId: options.apiKeyId,
    },
  });
}
