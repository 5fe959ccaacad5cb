import { Prisma, type CreditCategory, type LedgerEntry } from "@prisma/client";
import { AppError } from "@/lib/errors";
import { consumptionOrderSql } from "@/lib/wallet/consumption-order";
import { expiryKey } from "@/lib/wallet/remove-lot-remainder";
import { findPriorEntry, lockWallet, type LockedWallet } from "@/lib/wallet/lock-wallet";
import { writeDebit, type Draw } from "@/lib/wallet/write-movement";

export interface DebitCreditsInput {
  userId: string;
  amount: number;
  kind: "CONSUME" | "ADJUST" | "REFUND";
  /** Names this debit: the same key again returns the first debit and changes nothing. */
  idempotencyKey: string;
  reason?: string;
  reference?: string;
  actorId?: string;
  metadata?: Record<string, string>;
  /** Debit even below zero: what no lot covers becomes a negative balance. */
  allowNegative?: boolean;
  /** Credits of this user's holds released by the same movement (a hold's capture). */
  releaseHeld?: number;
  /** Lots with this reference are drawn first (a refund draws its order's own lots). */
  preferReference?: string;
  now?: Date;
}

export interface DebitResult {
  entry: LedgerEntry;
  draws: Draw[];
  balance: number;
  available: number;
  /** False when the idempotency key had debited before: nothing changed. */
  created: boolean;
}

interface OpenLot {
  id: string;
  category: CreditCategory;
  remaining: number;
  expiresAt: Date | null;
}

async function expireLot(tx: Prisma.TransactionClient, wallet: LockedWallet, lot: OpenLot, now: Date) {
  await writeDebit(tx, wallet, {
    kind: "EXPIRE",
    idempotencyKey: expiryKey(lot.id),
    amount: lot.remaining,
    draws: [{ lotId: lot.id, category: lot.category, amount: lot.remaining }],
    uncovered: 0,
    negativeAllowed: false,
    closeLot: "expiredAt",
    reference: lot.id,
    reason: "expired",
    now,
    event: "credits.expired",
  });
}

async function priorDraws(tx: Prisma.TransactionClient, entryId: string): Promise<Draw[]> {
  return tx.$queryRaw<Draw[]>`
    SELECT d."lotId", l.category, d.amount
    FROM "LotDraw" d JOIN "CreditLot" l ON l.id = d."lotId"
    WHERE d."entryId" = ${entryId}
    ORDER BY d."createdAt", d.id`;
}

/**
 * Takes credits from a user, in the caller's transaction: the spendable lots (not expired) are
 * drawn in the consumption order, one draw per lot, with the ledger entry and the
 * balance. Credits reserved by holds are not available, except those this debit releases. Not
 * enough → `insufficient_credits` (402) and nothing changed, unless negative is allowed.
 */
export async function debitCredits(tx: Prisma.TransactionClient, input: DebitCreditsInput): Promise<DebitResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new AppError("VALIDATION", "amount_must_be_a_positive_integer");
  }
  const releaseHeld = input.releaseHeld ?? 0;
  const now = input.now ?? new Date();
  const wallet = await lockWallet(tx, input.userId);
  if (releaseHeld < 0 || releaseHeld > wallet.heldCredits) throw new AppError("CONFLICT", "hold_not_reserved");

  const prior = await findPriorEntry(tx, wallet, input.idempotencyKey);
  if (prior) {
    const available = wallet.balance - wallet.heldCredits;
    return { entry: prior, draws: await priorDraws(tx, prior.id), balance: wallet.balance, available, created: false };
  }

  const preferred = input.preferReference ?? null;
  const open = await tx.$queryRaw<OpenLot[]>`
    SELECT l.id, l.category, l.remaining, l."expiresAt"
    FROM "CreditLot" l
    WHERE l."userId" = ${input.userId} AND l.remaining > 0
    ORDER BY (l.reference IS NOT DISTINCT FROM ${preferred}) DESC, ${consumptionOrderSql}`;
  // Lots past their expiry are expired here first, as the job would, so that the balance always
  // equals what the lots hold (the job may not have come by yet).
  const lots: OpenLot[] = [];
  for (const lot of open) {
    if (lot.expiresAt && lot.expiresAt <= now) await expireLot(tx, wallet, lot, now);
    else lots.push(lot);
  }
  const spendable = lots.reduce((sum, lot) => sum + lot.remaining, 0);
  const available = spendable - (wallet.heldCredits - releaseHeld);
  const negativeAllowed = Boolean(input.allowNegative) || wallet.allowNegativeBalance;
  if (input.amount > available && !negativeAllowed) {
    throw new AppError("PAYMENT_REQUIRED", "insufficient_credits", { available: Math.max(0, available) });
  }

  const draws: Draw[] = [];
  let left = input.amount;
  for (const lot of lots) {
    if (left === 0) break;
    const amount = Math.min(left, lot.remaining);
    draws.push({ lotId: lot.id, category: lot.category, amount });
    left -= amount;
  }
  const { entry, balanceAfter } = await writeDebit(tx, wallet, {
    ...input,
    now,
    draws,
    uncovered: left,
    negativeAllowed: Boolean(input.allowNegative),
    releaseHeld,
    event: "credits.debited",
  });
  return {
    entry,
    draws,
    balance: balanceAfter,
    available: available - input.amount,
    created: true,
  };
}
