import { randomBytes } from "node:crypto";
import type { CreditHold, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";
import { lockWallet } from "@/lib/wallet/lock-wallet";

export interface CreateHoldOptions {
  userId: string;
  amount: number;
  /** Names the request that made it; the same key again is the same hold. */
  idempotencyKey: string;
  expiresInSeconds: number;
  reason?: string;
  reference?: string;
  metadata?: Record<string, string>;
  apiKeyId?: string;
}

/**
 * Reserves credits inside the caller's transaction: the user's `heldCredits` grows only if the
 * available credits cover the amount (spendable lots, less what the balance owes below zero,
 * less what is already held: what a debit could take), checked inside the UPDATE. The wallet
 * lock comes first, as for every movement, so that statement sees every committed one.
 */
export async function createHold(tx: Prisma.TransactionClient, options: CreateHoldOptions): Promise<CreditHold> {
  const wallet = await lockWallet(tx, options.userId);
  const existing = await tx.creditHold.findUnique({ where: { idempotencyKey: options.idempotencyKey } });
  if (existing) {
    if (existing.userId !== wallet.userId) throw new AppError("CONFLICT", "idempotency_key_reused");
    return existing;
  }
  const reserved = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "User" u SET "heldCredits" = u."heldCredits" + ${options.amount}, "updatedAt" = now()
    WHERE u.id = ${options.userId}
      AND (SELECT COALESCE(SUM(l.remaining), 0) FROM "CreditLot" l
           WHERE l."userId" = u.id AND l.remaining > 0 AND l."effectiveAt" <= now()
             AND (l."expiresAt" IS NULL OR l."expiresAt" > now()))
          - GREATEST(0, -u.balance) - u."heldCredits" >= ${options.amount}
    RETURNING u.id`;
  if (!reserved.length) {
    const [row] = await tx.$queryRaw<{ available: number }[]>`
      SELECT ((SELECT COALESCE(SUM(l.remaining), 0) FROM "CreditLot" l
               WHERE l."userId" = u.id AND l.remaining > 0 AND l."effectiveAt" <= now()
                 AND (l."expiresAt" IS NULL OR l."expiresAt" > now()))
              - GREATEST(0, -u.balance) - u."heldCredits")::int AS available
      FROM "User" u WHERE u.id = ${options.userId}`;
    throw new AppError("PAYMENT_REQUIRED", "insufficient_credits", { available: Math.max(0, row?.available ?? 0) });
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
