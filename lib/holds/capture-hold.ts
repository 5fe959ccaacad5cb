import type { CreditHold, LedgerEntry } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { captureKey } from "@/lib/holds/check-hold-invariants";
import { unresolvableHold } from "@/lib/holds/hold-outcome";
import { recordEvent } from "@/lib/outbox/record-event";
import { debitCredits } from "@/lib/wallet/debit-credits";
import type { Draw } from "@/lib/wallet/write-movement";

export interface CaptureHoldOptions {
  holdId: string;
  /** Credits to debit, at most the held amount; all of it when absent. */
  amount?: number;
}

export interface CaptureResult {
  hold: CreditHold;
  entry: LedgerEntry | null;
  draws: Draw[];
  balance: { total: number; available: number };
}

/**
 * Debits up to the held amount and releases the rest, in one transaction. The hold's status
 * condition is inside its UPDATE, so against a release, another capture or the expiry job
 * exactly one wins; the debit then draws lots now (not when the hold was made) and lowers
 * heldCredits by the whole hold in the same statement (`releaseHeld`). A retried capture of
 * the same amount gets the first answer again.
 */
export async function captureHold({ holdId, amount }: CaptureHoldOptions): Promise<CaptureResult> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const [captured] = await tx.$queryRaw<CreditHold[]>`
      UPDATE "CreditHold"
      SET status = 'CAPTURED', "capturedAmount" = COALESCE(${amount ?? null}::int, amount), "resolvedAt" = now()
      WHERE id = ${holdId} AND status = 'ACTIVE' AND "expiresAt" > now() AND amount >= COALESCE(${amount ?? null}::int, 0)
      RETURNING *`;
    if (!captured) {
      const hold = await tx.creditHold.findUnique({ where: { id: holdId } });
      if (hold?.status === "CAPTURED" && (amount === undefined || amount === hold.capturedAmount)) {
        const entry = hold.captureEntryId
          ? await tx.ledgerEntry.findUnique({ where: { id: hold.captureEntryId } })
          : null;
        const draws = entry
          ? await tx.$queryRaw<Draw[]>`
              SELECT d."lotId", l.category, d.amount FROM "LotDraw" d JOIN "CreditLot" l ON l.id = d."lotId"
              WHERE d."entryId" = ${entry.id} ORDER BY d."createdAt", d.id`
          : [];
        const user = await tx.user.findUniqueOrThrow({ where: { id: hold.userId } });
        return { hold, entry, draws, balance: { total: user.balance, available: user.balance - user.heldCredits } };
      }
      if (hold?.status === "ACTIVE" && hold.expiresAt > new Date() && amount !== undefined && amount > hold.amount) {
        throw new AppError("VALIDATION", "capture_exceeds_hold");
      }
      return unresolvableHold(tx, holdId);
    }
    const capturedAmount = captured.capturedAmount ?? 0;
    let entry: LedgerEntry | null = null;
    let draws: Draw[] = [];
    let balance: CaptureResult["balance"];
    if (capturedAmount > 0) {
      const debit = await debitCredits(tx, {
        userId: captured.userId,
        amount: capturedAmount,
        kind: "CONSUME",
        idempotencyKey: captureKey(captured.id),
        releaseHeld: captured.amount,
        reference: captured.reference ?? captured.id,
        reason: captured.reason ?? undefined,
        metadata: (captured.metadata as Record<string, string> | null) ?? undefined,
      });
      ({ entry, draws } = debit);
      balance = { total: debit.balance, available: debit.available };
    } else {
      const [user] = await tx.$queryRaw<{ balance: number; heldCredits: number }[]>`
        UPDATE "User" SET "heldCredits" = "heldCredits" - ${captured.amount}, "updatedAt" = now()
        WHERE id = ${captured.userId} RETURNING balance, "heldCredits"`;
      balance = { total: user!.balance, available: user!.balance - user!.heldCredits };
    }
    const hold = await tx.creditHold.update({
      where: { id: captured.id },
      data: { captureEntryId: entry?.id ?? null },
    });
    await recordEvent(tx, {
      type: "hold.captured",
      userId: hold.userId,
      data: {
        holdId: hold.id,
        userId: hold.userId,
        amount: hold.amount,
        capturedAmount,
        released: hold.amount - capturedAmount,
        entryId: entry?.id ?? null,
        reference: hold.reference,
      },
    });
    return { hold, entry, draws, balance };
  });
}
