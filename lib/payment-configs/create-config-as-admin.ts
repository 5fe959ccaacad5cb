import type { PaymentConfig } from "@prisma/client";
import type { PaymentConfigInput } from "@/lib/payment-configs/config-input";
import { createPaymentConfig } from "@/lib/payment-configs/create-payment-config";
import { prepareConfig } from "@/lib/payment-configs/prepare-config";
import type { AlipaySecrets, WechatSecrets } from "@/lib/payment-configs/secrets";

/**
 * The console's "new config": every field is checked first (field errors, nothing saved),
 * then the existing use case stores it sealed, keeps one default per provider and audits.
 */
export async function createPaymentConfigAsAdmin(input: PaymentConfigInput, actorId: string): Promise<PaymentConfig> {
  const { secrets } = prepareConfig(input, null);
  const common = {
    name: input.name,
    appId: input.appId,
    merchantId: input.merchantId,
    gatewayUrl: input.gatewayUrl,
    returnUrl: input.returnUrl,
    sandbox: input.sandbox,
    enabled: input.enabled,
    isDefault: input.isDefault,
  };
  return input.provider === "WECHAT"
    ? createPaymentConfig(
        {
          provider: "WECHAT",
          ...common,
          merchantSerialNo: input.merchantSerialNo,
          providerKeyId: input.providerKeyId,
          oauthBaseUrl: input.oauthBaseUrl,
          secrets: secrets as WechatSecrets,
        },
        actorId,
      )
    : createPaymentConfig(
        { provider: "ALIPAY", ...common, alipayDesktop: input.alipayDesktop, secrets: secrets as AlipaySecrets },
        actorId,
      );
}
