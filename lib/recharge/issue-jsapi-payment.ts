import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { paymentNotifyUrl } from "@/lib/payment-configs/urls";
import { ProviderError, type JsapiPayParams } from "@/lib/payments/types";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { recordOrderEvent } from "@/lib/recharge/record-event";

export interface IssueJsapiPaymentOptions {
  userId: string;
  orderNo: string;
}

export type IssuedJsapiPayment = { params: JsapiPayParams } | { payerAuthRequired: true };

/**
 * The signed parameters for WeixinJSBridge's getBrandWCPayRequest. The first call places the
 * JSAPI order with the payer's openid (remembered from OAuth); later calls re-sign the same
 * prepay_id, so a cancelled or failed attempt can be retried on the same order.
 */
export async function issueJsapiPayment(options: IssueJsapiPaymentOptions): Promise<IssuedJsapiPayment> {
  const order = await getOwnOrder(options.userId, options.orderNo);
  if (order.channel !== "JSAPI" || order.status !== "PENDING" || order.expiresAt <= new Date()) {
    throw new AppError("CONFLICT", "order_not_payable");
  }
  const { config, adapter } = await loadConfig(order.configId);
  const inApp = adapter.inApp;
  if (!inApp) throw new AppError("CONFLICT", "order_not_payable");
  if (order.payUrl) return { params: inApp.payParams(order.payUrl) };

  const prisma = await getPrisma();
  const payer = await prisma.wechatOpenId.findUnique({
    where: { userId_appId: { userId: options.userId, appId: inApp.appId } },
  });
  if (!payer) return { payerAuthRequired: true };

  let prepayId: string;
  try {
    ({ prepayId } = await inApp.createJsapiPayment({
      orderNo: order.orderNo,
      amountFen: order.priceFen,
      description: `充值 ${order.credits} 积分`,
      expiresAt: order.expiresAt,
      notifyUrl: paymentNotifyUrl(config),
      openid: payer.openid,
    }));
  } catch (error) {
    if (error instanceof ProviderError || error instanceof RangeError) {
      logger.warn("provider refused or failed to create a JSAPI payment", {
        orderNo: order.orderNo,
        error: error.message,
      });
      throw new AppError("UNAVAILABLE", "provider_unavailable");
    }
    throw error;
  }
  // WeChat answers the same out_trade_no with the same prepay_id, so a racing twin stores the same value.
  await prisma.$transaction(async (tx) => {
    const updated = await tx.rechargeOrder.updateMany({
      where: { id: order.id, status: "PENDING", payUrl: null },
      data: { payUrl: prepayId },
    });
    if (updated.count === 1) await recordOrderEvent(tx, order.id, "code_issued", { channel: "JSAPI" });
  });
  return { params: inApp.payParams(prepayId) };
}
