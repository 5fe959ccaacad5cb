import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { lockLiveConfig } from "@/lib/payment-configs/load-for-change";

/** A disabled config takes no new orders; its existing orders keep working. */
export async function setPaymentConfigEnabled(id: string, enabled: boolean, actorId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await lockLiveConfig(tx, id);
    await tx.paymentConfig.update({ where: { id }, data: { enabled } });
    await recordAudit(tx, {
      actorId,
      action: enabled ? "payment_config.enable" : "payment_config.disable",
      target: id,
      before: { enabled: before.enabled },
      after: { enabled },
    });
  });
}
