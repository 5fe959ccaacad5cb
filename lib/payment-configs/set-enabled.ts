import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { handOverDefault } from "@/lib/payment-configs/hand-over-default";
import { lockLiveConfig } from "@/lib/payment-configs/load-for-change";

export interface SetEnabledOptions {
  id: string;
  enabled: boolean;
  actorId: string;
  /** When disabling the default: the config that becomes its provider's default instead. */
  successorId?: string;
}

/** A disabled config takes no new orders; its existing orders keep working. */
export async function setPaymentConfigEnabled({ id, enabled, actorId, successorId }: SetEnabledOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await lockLiveConfig(tx, id);
    const newDefault = enabled ? null : await handOverDefault(tx, before, successorId);
    await tx.paymentConfig.update({ where: { id }, data: newDefault ? { enabled, isDefault: false } : { enabled } });
    await recordAudit(tx, {
      actorId,
      action: enabled ? "payment_config.enable" : "payment_config.disable",
      target: id,
      before: { enabled: before.enabled, isDefault: before.isDefault },
      after: { enabled, ...(newDefault ? { isDefault: false, newDefault } : {}) },
    });
  });
}
