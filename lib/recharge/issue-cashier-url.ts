import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { pageReturnUrl, paymentNotifyUrl } from "@/lib/payment-configs/urls";
import { ProviderError } from "@/lib/payments/types";
import { getOwnOrder } from "@/lib/recharge/get-own-order";

export interface IssueCashierUrlOptions {
  userId: string;
  orderNo: string;
  now?: Date;
}

/** EMBEDDED: frame the URL in the order page. REDIRECT: send the whole page there. */
export type CashierMode = "EMBEDDED" | "REDIRECT";

export interface IssuedCashierUrl {
  url: string;
  mode: CashierMode;
}

/** The width of the QR code Alipay draws in the frame (qrcode_width), in CSS pixels. */
export const embeddedQrWidthPx = 200;

/**
 * The provider's website cashier (Alipay page.pay) for a PAGE order of the user's own. The URL
 * is signed afresh on every call (the gateway refuses stale timestamps) for the same order, so
 * a reload or a second tab shows the same trade; Alipay makes it idempotent on out_trade_no.
 */
export async function issueCashierUrl({
  userId,
  orderNo,
  now = new Date(),
}: IssueCashierUrlOptions): Promise<IssuedCashierUrl> {
  const order = await getOwnOrder(userId, orderNo);
  if (order.channel !== "PAGE" || order.status !== "PENDING" || order.expiresAt <= now) {
    throw new AppError("CONFLICT", "order_not_payable");
  }
  const { config, adapter } = await loadConfig(order.configId);
  const website = adapter.website;
  if (!website) throw new AppError("CONFLICT", "order_not_payable");
  // An order keeps its cashier if the config later switches back to 当面付: framed is the default.
  const mode: CashierMode = config.alipayDesktop === "PAGE_REDIRECT" ? "REDIRECT" : "EMBEDDED";
  try {
    const { url } = await website.cashierUrl({
      orderNo: order.orderNo,
      amountFen: order.priceFen,
      description: `充值 ${order.credits} 积分`,
      expiresAt: order.expiresAt,
      notifyUrl: paymentNotifyUrl(config),
      returnUrl: pageReturnUrl(config),
      ...(mode === "EMBEDDED" ? { embedWidthPx: embeddedQrWidthPx } : {}),
    });
    return { url, mode };
  } catch (error) {
    if (error instanceof ProviderError || error instanceof RangeError) {
      logger.warn("could not build a cashier URL", { orderNo, error: error.message });
      throw new AppError("UNAVAILABLE", "provider_unavailable");
    }
    throw error;
  }
}
