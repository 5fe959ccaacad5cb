import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PaymentConfigInput } from "@/lib/payment-configs/config-input";
import { auditSnapshot, getPaymentConfigView, type PaymentConfigView } from "@/lib/payment-configs/config-view";
import { makeOnlyDefault } from "@/lib/payment-configs/create-payment-config";
import { prepareConfig } from "@/lib/payment-configs/prepare-config";
import { sealSecrets, secretFingerprints } from "@/lib/payment-configs/secrets";
import { readStoredSecrets } from "@/lib/payment-configs/stored-secrets";

export interface UpdatePaymentConfigOptions {
  id: string;
  input: PaymentConfigInput;
  actorId: string;
}

/**
 * Edits a config. Secrets are write-only: an empty secret field keeps the stored value, so
 * the stored secrets are opened, merged with what was typed, checked as a whole (by building
 * an adapter), sealed again and fingerprinted anew. The write is conditional on the row not
 * having changed since it was read, so two admins editing at once cannot undo each other.
 */
export async function updatePaymentConfig({
  id,
  input,
  actorId,
}: UpdatePaymentConfigOptions): Promise<PaymentConfigView> {
  const prisma = await getPrisma();
  const existing = await prisma.paymentConfig.findUnique({ where: { id } });
  if (!existing || existing.deletedAt) throw new AppError("NOT_FOUND", "payment_config_not_found");
  if (existing.provider !== input.provider) {
    throw new AppError("VALIDATION", "invalid_payment_config", { fields: { provider: "provider_immutable" } });
  }
  const prepared = prepareConfig(input, readStoredSecrets(existing));

  await prisma.$transaction(async (tx) => {
    const written = await tx.paymentConfig.updateMany({
      where: { id, updatedAt: existing.updatedAt, deletedAt: null },
      data: {
        ...prepared.fields,
        sealedSecrets: sealSecrets(id, prepared.secrets),
        secretFingerprints: secretFingerprints(prepared.secrets),
      },
    });
    if (!written.count) throw new AppError("CONFLICT", "payment_config_changed");
    const config = await tx.paymentConfig.findUniqueOrThrow({ where: { id } });
    if (config.isDefault) await makeOnlyDefault(tx, config);
    await recordAudit(tx, {
      actorId,
      action: "payment_config.update",
      target: id,
      before: auditSnapshot(existing),
      after: { ...auditSnapshot(config), keysChanged: prepared.changedSecrets },
    });
  });
  return getPaymentConfigView(id);
}
