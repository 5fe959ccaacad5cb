import type { CreditLot, LedgerEntry } from "@prisma/client";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { removeLotRemainder } from "@/lib/wallet/remove-lot-remainder";

export const voidLotSchema = z.object({
  reason: z.string().trim().min(2, "reason_required").max(200),
});

export interface VoidLotInput {
  lotId: string;
  actorId: string;
  reason: string;
  now?: Date;
}

/** An admin takes back what is left of a lot: a compensating VOID entry, never an edit. */
export async function voidLot(input: VoidLotInput): Promise<{ entry: LedgerEntry; lot: CreditLot }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const voided = await removeLotRemainder(tx, {
      lotId: input.lotId,
      kind: "VOID",
      actorId: input.actorId,
      reason: input.reason,
      now: input.now ?? new Date(),
    });
    if (!voided) throw new AppError("CONFLICT", "lot_has_nothing_left");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "wallet.void_lot",
      target: voided.lot.userId,
      before: { lotId: voided.lot.id, remaining: -voided.entry.delta },
      after: { lotId: voided.lot.id, remaining: 0, entryId: voided.entry.id, reason: input.reason },
    });
    return voided;
  });
}
