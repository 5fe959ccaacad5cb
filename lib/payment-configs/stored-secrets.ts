import type { PaymentConfig } from "@prisma/client";
import {
  alipaySecretsSchema,
  openSecrets,
  wechatSecretsSchema,
  type ConfigSecrets,
} from "@/lib/payment-configs/secrets";

/** The decrypted key material of a stored config, typed by its provider. Server-side only. */
export function readStoredSecrets(config: Pick<PaymentConfig, "id" | "provider" | "sealedSecrets">): ConfigSecrets {
  const opened = openSecrets(config.id, config.sealedSecrets);
  return config.provider === "WECHAT" ? wechatSecretsSchema.parse(opened) : alipaySecretsSchema.parse(opened);
}
