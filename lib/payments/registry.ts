import type { PaymentConfig } from "@prisma/client";
import { createAlipayAdapter } from "@/lib/payments/alipay";
import type { AdapterDeps, PaymentAdapter, ProviderId } from "@/lib/payments/types";
import { createWechatAdapter } from "@/lib/payments/wechat";
import { alipaySecretsSchema, wechatSecretsSchema } from "@/lib/payment-configs/secrets";

type StoredConfig = Pick<
  PaymentConfig,
  | "provider"
  | "appId"
  | "merchantId"
  | "merchantSerialNo"
  | "providerKeyId"
  | "gatewayUrl"
  | "returnUrl"
  | "oauthBaseUrl"
>;

/**
 * The only place that maps a provider to its adapter: from here on, order and ledger code
 * see a PaymentAdapter and nothing provider-specific.
 */
const factories: Record<ProviderId, (config: StoredConfig, secrets: unknown, deps: AdapterDeps) => PaymentAdapter> = {
  WECHAT(config, secrets, deps) {
    const keys = wechatSecretsSchema.parse(secrets);
    if (!config.merchantSerialNo) throw new Error("WeChat Pay config has no merchant serial number");
    return createWechatAdapter(
      {
        appId: config.appId,
        mchId: config.merchantId,
        merchantSerialNo: config.merchantSerialNo,
        merchantPrivateKeyPem: keys.merchantPrivateKeyPem,
        apiV3Key: keys.apiV3Key,
        gatewayBaseUrl: config.gatewayUrl,
        wechatPayPublicKeyId: config.providerKeyId ?? undefined,
        wechatPayPublicKeyPem: keys.wechatPayPublicKeyPem,
        platformCertificates: keys.platformCertificates,
        appSecret: keys.appSecret,
        oauthBaseUrl: config.oauthBaseUrl ?? undefined,
      },
      deps,
    );
  },
  ALIPAY(config, secrets, deps) {
    const keys = alipaySecretsSchema.parse(secrets);
    return createAlipayAdapter(
      {
        appId: config.appId,
        sellerId: config.merchantId,
        appPrivateKeyPem: keys.appPrivateKeyPem,
        alipayPublicKeyPem: keys.alipayPublicKeyPem,
        gatewayUrl: config.gatewayUrl,
        returnUrl: config.returnUrl ?? undefined,
      },
      deps,
    );
  },
};

export function createAdapter(config: StoredConfig, secrets: unknown, deps: AdapterDeps = {}): PaymentAdapter {
  return factories[config.provider](config, secrets, deps);
}
