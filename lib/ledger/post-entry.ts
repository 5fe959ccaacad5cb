import type { LedgerEntry, LedgerKind, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";

export interface PostEntryInput {
  userId: string;
  /** Signed credits: positive credits the user, negative debits. */
  delta: number;
  kind: LedgerKind;
  /** Unique per business event, e.g. `recharge:<orderNo>`; posting it again changes nothing. */
  idempotencyKey: string;
  reference?: string;
  reason?: string;
  actorId?: string;
  /** Let this entry take the balance below zero even if the user is not allowed to be negative. */
  allowNegative?: boolean;
}

export interface PostEntryResult {
  entry: LedgerEntry;
  /** False when the idempotency key had been posted before: nothing changed. */
  created: boolean;
}

/**
 * Appends one ledger entry and moves the cached balance with it, inside the caller's
 * transaction. The user row's update serializes entries per user, so `seq` and
 * `balanceAfter` form an unbroken chain.
 */
export async function postEntry(tx: Prisma.TransactionClient, input: PostEntryInput): Promise<PostEntryResult> {
  if (!Number.isSafeInteger(input.delta) || input.delta === 0) {
    throw new AppError("VALIDATION", "ledger_delta_must_be_a_nonzero_integer");
  }
  const existing = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { entry: existing, created: false };

  const rows = await tx.$queryRaw<{ balance: number; ledgerSeq: number }[]>`
    UPDATE "User"
    SET balance = balance + ${input.delta}, "ledgerSeq" = "ledgerSeq" + 1, "updatedAt" = now()
    WHERE id = ${input.userId}
      AND (balance + ${input.delta} >= 0 OR "allowNegativeBalance" OR ${input.allowNegative ?? false})
    RETURNING balance, "ledgerSeq"`;
  const row = rows[0];
  if (!row) {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "user_not_found");
    throw new AppError("CONFLICT", "insufficient_balance");
  }
  const entry = await tx.ledgerEntry.create({
    data: {
      userId: input.userId,
      seq: row.ledgerSeq,
      delta: input.delta,
      balanceAfter: row.balance,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      negativeAllowed: Boolean(input.allowNegative) && row.balance < 0,
      reference: input.reference,
      reason: input.reason,
      actorId: input.actorId,
    },
  });
  return { entry, created: true };
}
