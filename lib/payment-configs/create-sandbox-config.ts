import type { Provider } from "@prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { auditSnapshot, getPaymentConfigView, type PaymentConfigView } from "@/lib/payment-configs/config-view";
import { provisionSandboxMerchant } from "@/lib/sandbox/provision";

/**
 * A sandbox merchant with fresh keys and a config pointing at it, so an operator can try a
 * provider without a merchant account. Never the default on creation: that is a separate,
 * deliberate step. Refused when the sandbox gateway is off (the config could not work).
 */
export async function createSandboxConfig(
  provider: Provider,
  name: string,
  actorId: string,
): Promise<PaymentConfigView> {
  if (!env().SANDBOX_ENABLED) throw new AppError("CONFLICT", "sandbox_disabled");
  const config = await provisionSandboxMerchant(provider, { isDefault: false, name, actorId });
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId,
      action: "payment_config.create_sandbox",
      target: config.id,
      after: auditSnapshot(config),
    }),
  );
  return getPaymentConfigView(config.id);
}
