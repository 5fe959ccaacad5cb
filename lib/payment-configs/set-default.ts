import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { makeOnlyDefault } from "@/lib/payment-configs/create-payment-config";
import { lockLiveConfig } from "@/lib/payment-configs/load-for-change";

/** Makes a config the one new orders of its provider use; the provider's other default steps down. */
export async function setDefaultPaymentConfig(id: string, actorId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await lockLiveConfig(tx, id);
    const previous = await tx.paymentConfig.findFirst({
      where: { provider: before.provider, isDefault: true, id: { not: id } },
      select: { id: true },
    });
    const after = await tx.paymentConfig.update({ where: { id }, data: { isDefault: true } });
    await makeOnlyDefault(tx, after);
    await recordAudit(tx, {
      actorId,
      action: "payment_config.set_default",
      target: id,
      before: { isDefault: before.isDefault, previousDefault: previous?.id ?? null },
      after: { isDefault: true, provider: after.provider },
    });
  });
}
