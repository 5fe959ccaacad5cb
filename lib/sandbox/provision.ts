import { generateKeyPairSync, randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Provider } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createPaymentConfig } from "@/lib/payment-configs/create-payment-config";
import { sealMerchantSecrets } from "@/lib/sandbox/merchants";

function rsaKeyPair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join("");
}

/** Where the sandbox plays WeChat's OAuth2 hosts (authorize page and access_token), on this app. */
export function sandboxOAuthBaseUrl(appUrl = env().APP_URL): string {
  return `${appUrl}/sandbox/wechat`;
}

/** Where the sandbox gateway of a provider is served, on this app. */
export function sandboxGatewayUrl(provider: Provider, appUrl = env().APP_URL): string {
  return provider === "WECHAT" ? `${appUrl}/sandbox/wechat` : `${appUrl}/sandbox/alipay/gateway.do`;
}

const alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A sandbox merchant with fresh keys on both sides, and the payment config that points at it.
 * Identifiers have the providers' shapes; the keys are real RSA-2048 keys.
 */
export async function provisionSandboxMerchant(
  provider: Provider,
  options: { isDefault: boolean; name?: string; actorId?: string },
) {
  const prisma = await getPrisma();
  const merchantKeys = rsaKeyPair();
  const providerKeys = rsaKeyPair();
  const wechat = provider === "WECHAT";
  const appId = wechat ? `wx${randomBytes(8).toString("hex")}` : `9021${digits(12)}`;
  const merchantId = wechat ? `19${digits(8)}` : `2088${digits(12)}`;
  const apiV3Key = Array.from({ length: 32 }, () => alphanumeric[randomInt(alphanumeric.length)]).join("");
  const providerKeyId = wechat ? `PUB_KEY_ID_0${merchantId}${digits(16)}` : null;
  const merchantSerialNo = wechat ? randomBytes(20).toString("hex").toUpperCase() : null;
  const appSecret = wechat ? randomBytes(16).toString("hex") : undefined;

  const sandboxMerchantId = randomUUID();
  await prisma.sandboxMerchant.create({
    data: {
      id: sandboxMerchantId,
      provider,
      appId,
      merchantId,
      merchantPublicKeyPem: merchantKeys.publicKey,
      providerKeyId,
      merchantSerialNo,
      sealedSecrets: sealMerchantSecrets(sandboxMerchantId, {
        providerPrivateKeyPem: providerKeys.privateKey,
        apiV3Key: wechat ? apiV3Key : undefined,
        appSecret,
      }),
    },
  });

  const common = {
    appId,
    merchantId,
    gatewayUrl: sandboxGatewayUrl(provider),
    sandbox: true,
    enabled: true,
    isDefault: options.isDefault,
  };
  return wechat
    ? createPaymentConfig(
        {
          provider: "WECHAT",
          name: options.name ?? "WeChat Pay sandbox",
          ...common,
          merchantSerialNo: merchantSerialNo ?? "",
          providerKeyId: providerKeyId ?? undefined,
          oauthBaseUrl: sandboxOAuthBaseUrl(),
          secrets: {
            merchantPrivateKeyPem: merchantKeys.privateKey,
            apiV3Key,
            wechatPayPublicKeyPem: providerKeys.publicKey,
            appSecret,
          },
        },
        options.actorId,
      )
    : createPaymentConfig(
        {
          provider: "ALIPAY",
          name: options.name ?? "Alipay sandbox",
          ...common,
          secrets: { appPrivateKeyPem: merchantKeys.privateKey, alipayPublicKeyPem: providerKeys.publicKey },
        },
        options.actorId,
      );
}

/**
 * First start: one sandbox config per provider, default when the provider has none.
 * Every start: sandbox configs follow APP_URL, so a changed port or host keeps working.
 */
export async function provisionSandboxConfigs(): Promise<string[]> {
  const prisma = await getPrisma();
  const created: string[] = [];
  for (const provider of ["WECHAT", "ALIPAY"] as const) {
    const existing = await prisma.paymentConfig.count({ where: { provider, sandbox: true } });
    if (existing > 0) continue;
    const hasDefault =
      (await prisma.paymentConfig.count({ where: { provider, isDefault: true, deletedAt: null } })) > 0;
    const config = await provisionSandboxMerchant(provider, { isDefault: !hasDefault });
    created.push(config.name);
  }
  const sandboxConfigs = await prisma.paymentConfig.findMany({ where: { sandbox: true, deletedAt: null } });
  for (const config of sandboxConfigs) {
    const path = new URL(config.gatewayUrl).pathname;
    const current = sandboxGatewayUrl(config.provider);
    const oauthBaseUrl = config.provider === "WECHAT" ? sandboxOAuthBaseUrl() : null;
    if (path.startsWith("/sandbox/") && (config.gatewayUrl !== current || config.oauthBaseUrl !== oauthBaseUrl)) {
      await prisma.paymentConfig.update({ where: { id: config.id }, data: { gatewayUrl: current, oauthBaseUrl } });
    }
  }
  return created;
}
