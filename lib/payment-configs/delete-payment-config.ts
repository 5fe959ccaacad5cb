import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { auditSnapshot } from "@/lib/payment-configs/config-view";
import { lockLiveConfig } from "@/lib/payment-configs/load-for-change";

/**
 * Soft delete: the row stays, because orders placed through it still need its keys for
 * notifies, queries and refunds. It stops being offered (disabled, no longer the default).
 */
export async function deletePaymentConfig(id: string, actorId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await lockLiveConfig(tx, id);
    const after = await tx.paymentConfig.update({
      where: { id },
      data: { deletedAt: new Date(), isDefault: false, enabled: false },
    });
    await recordAudit(tx, {
      actorId,
      action: "payment_config.delete",
      target: id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
  });
}
