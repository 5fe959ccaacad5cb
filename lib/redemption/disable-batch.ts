import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface DisableBatchOptions {
  batchId: string;
  actorId: string;
}

/** Stops every unredeemed code of the batch; redeemed ones keep their credits. Disabling twice changes nothing. */
export async function disableBatch({ batchId, actorId }: DisableBatchOptions): Promise<{ disabledAt: Date }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const changed = await tx.redemptionBatch.updateMany({
      where: { id: batchId, disabledAt: null },
      data: { disabledAt: now },
    });
    const batch = await tx.redemptionBatch.findUnique({
      where: { id: batchId },
      select: { disabledAt: true, redeemedCount: true },
    });
    if (!batch?.disabledAt) throw new AppError("NOT_FOUND", "batch_not_found");
    if (changed.count === 1) {
      await recordAudit(tx, {
        actorId,
        action: "redemption_batch.disable",
        target: batchId,
        before: { disabledAt: null },
        after: { disabledAt: now, redeemedCount: batch.redeemedCount },
      });
    }
    return { disabledAt: batch.disabledAt };
  });
}
