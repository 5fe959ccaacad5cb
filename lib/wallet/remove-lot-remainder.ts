import type { CreditLot, LedgerEntry, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";
import { findPriorEntry, lockWallet } from "@/lib/wallet/lock-wallet";
import { writeDebit } from "@/lib/wallet/write-movement";

export interface RemoveLotRemainderInput {
  lotId: string;
  /** EXPIRE: breakage of a lot past its expiry; VOID: an admin takes the remainder back. */
  kind: "EXPIRE" | "VOID";
  actorId?: string;
  reason?: string;
  now: Date;
}

/** The ledger key of a lot's expiry: one EXPIRE entry per lot, whoever writes it. */
export function expiryKey(lotId: string): string {
  return `expire:${lotId}`;
}

/**
 * Takes what is left of one lot out of the wallet as one ledger entry, in the caller's
 * transaction, exactly once per lot (the entry's key is the lot's): a second run, on this or
 * another instance, finds the entry and changes nothing. Null when there was nothing to take.
 */
export async function removeLotRemainder(
  tx: Prisma.TransactionClient,
  input: RemoveLotRemainderInput,
): Promise<{ entry: LedgerEntry; lot: CreditLot } | null> {
  const owner = await tx.creditLot.findUnique({ where: { id: input.lotId }, select: { userId: true } });
  if (!owner) throw new AppError("NOT_FOUND", "lot_not_found");
  const wallet = await lockWallet(tx, owner.userId);
  const idempotencyKey = input.kind === "EXPIRE" ? expiryKey(input.lotId) : `void:${input.lotId}`;
  if (await findPriorEntry(tx, wallet, idempotencyKey)) return null;

  // Read again under the wallet lock: a debit may have drawn the lot meanwhile.
  const lot = await tx.creditLot.findUniqueOrThrow({ where: { id: input.lotId } });
  const due = input.kind === "VOID" || (lot.expiresAt !== null && lot.expiresAt <= input.now);
  if (lot.remaining === 0 || !due || lot.expiredAt || lot.voidedAt) return null;

  const { entry } = await writeDebit(tx, wallet, {
    kind: input.kind,
    idempotencyKey,
    amount: lot.remaining,
    draws: [{ lotId: lot.id, category: lot.category, amount: lot.remaining }],
    uncovered: 0,
    negativeAllowed: false,
    closeLot: input.kind === "EXPIRE" ? "expiredAt" : "voidedAt",
    reference: lot.id,
    reason: input.reason,
    actorId: input.actorId,
    now: input.now,
    event: input.kind === "EXPIRE" ? "credits.expired" : "credits.debited",
  });
  return { entry, lot: await tx.creditLot.findUniqueOrThrow({ where: { id: lot.id } }) };
}
