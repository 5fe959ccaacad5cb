import type { PaymentConfig } from "@prisma/client";
import { env } from "@/lib/env";

type Addressable = Pick<PaymentConfig, "id" | "provider">;

/** Where the provider sends payment notifies for this config; one URL per config, so the
 * notify handler knows whose keys verify it. */
export function paymentNotifyUrl(config: Addressable): string {
  return `${env().APP_URL}/api/notify/${config.provider.toLowerCase()}/${config.id}`;
}

/** Where Alipay's website cashier (page.pay) sends the payer's browser back: per config, whose key verifies it. */
export function pageReturnUrl(config: Pick<PaymentConfig, "id">): string {
  return `${env().APP_URL}/pay/return/${config.id}`;
}

/** Where the provider sends refund notifies for this config. */
export function refundNotifyUrl(config: Addressable): string {
  return `${paymentNotifyUrl(config)}/refund`;
}
