import type { Provider, SandboxMerchant } from "@prisma/client";
import { z } from "zod";
import { appKeyring } from "@/lib/crypto/app-keyring";
import { open, seal } from "@/lib/crypto/secret-box";
import { getPrisma } from "@/lib/db";
import type { MerchantKeys } from "@/lib/sandbox/types";

const secretsSchema = z.object({
  providerPrivateKeyPem: z.string().min(1),
  apiV3Key: z.string().optional(),
  /** WeChat: the official account's AppSecret, which the OAuth2 access_token endpoint checks. */
  appSecret: z.string().optional(),
});
export type SandboxMerchantSecrets = z.infer<typeof secretsSchema>;

function context(merchantId: string): string {
  return `sandbox-merchant:${merchantId}`;
}

export function sealMerchantSecrets(merchantId: string, secrets: SandboxMerchantSecrets): string {
  return seal(appKeyring(), JSON.stringify(secrets), context(merchantId));
}

export function merchantKeys(merchant: SandboxMerchant): MerchantKeys {
  const secrets = secretsSchema.parse(JSON.parse(open(appKeyring(), merchant.sealedSecrets, context(merchant.id))));
  return { merchant, ...secrets };
}

/** The sandbox merchant a request names (WeChat by mchid, Alipay by app_id); null if unknown. */
export async function findMerchant(
  provider: Provider,
  identity: { merchantId?: string; appId?: string },
): Promise<MerchantKeys | null> {
  if (!identity.merchantId && !identity.appId) return null;
  const prisma = await getPrisma();
  const merchant = await prisma.sandboxMerchant.findFirst({
    where: { provider, merchantId: identity.merchantId, appId: identity.appId },
  });
  return merchant ? merchantKeys(merchant) : null;
}
