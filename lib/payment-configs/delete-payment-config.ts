import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { auditSnapshot } from "@/lib/payment-configs/config-view";
import { handOverDefault } from "@/lib/payment-configs/hand-over-default";
import { lockLiveConfig } from "@/lib/payment-configs/load-for-change";

export interface DeleteConfigOptions {
  id: string;
  actorId: string;
  /** When deleting the default: the config that becomes its provider's default instead. */
  successorId?: string;
}

/**
 * Soft delete: the row stays, because orders placed through it still need its keys for
 * notifies, queries and refunds. It stops being offered (disabled, no longer the default).
 */
export async function deletePaymentConfig({ id, actorId, successorId }: DeleteConfigOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await lockLiveConfig(tx, id);
    const newDefault = await handOverDefault(tx, before, successorId);
    const after = await tx.paymentConfig.update({
      where: { id },
      data: { deletedAt: new Date(), isDefault: false, enabled: false },
    });
    await recordAudit(tx, {
      actorId,
      action: "payment_config.delete",
      target: id,
      before: auditSnapshot(before),
      after: { ...auditSnapshot(after), newDefault },
    });
  });
}
