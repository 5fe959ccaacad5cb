import { randomUUID } from "node:crypto";
import type { PaymentConfig, Prisma } from "@prisma/client";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  alipaySecretsSchema,
  sealSecrets,
  secretFingerprints,
  wechatSecretsSchema,
} from "@/lib/payment-configs/secrets";
import { createAdapter } from "@/lib/payments/registry";

const common = {
  name: z.string().trim().min(1).max(80),
  appId: z.string().trim().min(1).max(64),
  merchantId: z.string().trim().min(1).max(64),
  gatewayUrl: z.url({ protocol: /^https?$/ }).max(500),
  returnUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  sandbox: z.boolean().default(false),
  enabled: z.boolean().default(true),
  isDefault: z.boolean().default(false),
};

export const createPaymentConfigSchema = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("WECHAT"),
    ...common,
    merchantSerialNo: z.string().trim().min(1).max(64),
    providerKeyId: z.string().trim().min(1).max(64).optional(),
    oauthBaseUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    secrets: wechatSecretsSchema,
  }),
  z.object({
    provider: z.literal("ALIPAY"),
    ...common,
    alipayDesktop: z.enum(["PRECREATE", "PAGE_EMBEDDED", "PAGE_REDIRECT"]).optional(),
    secrets: alipaySecretsSchema,
  }),
]);

export type CreatePaymentConfigInput = z.infer<typeof createPaymentConfigSchema>;

/** Clears the other defaults of a provider, inside the caller's transaction. */
export async function makeOnlyDefault(tx: Prisma.TransactionClient, config: Pick<PaymentConfig, "id" | "provider">) {
  await tx.paymentConfig.updateMany({
    where: { provider: config.provider, isDefault: true, id: { not: config.id } },
    data: { isDefault: false },
  });
}

/**
 * Stores a merchant config with its key material sealed. The keys are loaded into an
 * adapter first, so a config that could never sign or verify is refused with a field error.
 */
export async function createPaymentConfig(input: CreatePaymentConfigInput, actorId?: string): Promise<PaymentConfig> {
  const { secrets, ...fields } = input;
  const stored = {
    ...fields,
    merchantSerialNo: input.provider === "WECHAT" ? input.merchantSerialNo : null,
    providerKeyId: input.provider === "WECHAT" ? (input.providerKeyId ?? null) : null,
    returnUrl: input.returnUrl ?? null,
    oauthBaseUrl: input.provider === "WECHAT" ? (input.oauthBaseUrl ?? null) : null,
    alipayDesktop: (input.provider === "ALIPAY" && input.alipayDesktop) || "PRECREATE",
  };
  try {
    createAdapter(stored, secrets);
  } catch (error) {
    throw new AppError("VALIDATION", "invalid_payment_config", {
      fields: { secrets: error instanceof Error ? error.message : "invalid key material" },
    });
  }

  const id = randomUUID();
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const config = await tx.paymentConfig.create({
      data: { id, ...stored, sealedSecrets: sealSecrets(id, secrets), secretFingerprints: secretFingerprints(secrets) },
    });
    if (config.isDefault) await makeOnlyDefault(tx, config);
    await recordAudit(tx, {
      actorId: actorId ?? null,
      action: "payment_config.create",
      target: config.id,
      after: { ...stored, fingerprints: config.secretFingerprints },
    });
    return config;
  });
}
