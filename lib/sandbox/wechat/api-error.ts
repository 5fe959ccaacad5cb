/**
 * WeChat Pay v3 error answers: an HTTP status plus `{"code", "message"}`, with WeChat's codes
 * and statuses, so the adapter meets here exactly what it would meet at the real gateway.
 */
import { TradeRefused, type TradeRefusal } from "@/lib/sandbox/trades";

export class WechatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "WechatApiError";
  }
}

export const paramError = (detail: string) => new WechatApiError(400, "PARAM_ERROR", `参数错误: ${detail}`);
export const invalidRequest = (detail: string) => new WechatApiError(400, "INVALID_REQUEST", detail);
export const signError = (detail: string) => new WechatApiError(401, "SIGN_ERROR", `签名错误: ${detail}`);
export const systemError = () => new WechatApiError(500, "SYSTEM_ERROR", "系统异常，请稍后重试");

/** What the refusal is about: the order APIs and the refund API name a missing order differently. */
export type RefusalSubject = "order" | "refund";

const refusals: Record<TradeRefusal, [status: number, code: string, message: string]> = {
  OUT_TRADE_NO_USED: [403, "OUT_TRADE_NO_USED", "商户订单号重复"],
  TRADE_NOT_FOUND: [404, "ORDER_NOT_EXIST", "订单不存在"],
  TRADE_PAID: [400, "ORDERPAID", "该订单已支付"],
  TRADE_CLOSED: [400, "ORDER_CLOSED", "订单已关闭"],
  // Only the phone page meets this one; the gateway keeps an expired unpaid order NOTPAY.
  TRADE_EXPIRED: [400, "ORDER_CLOSED", "订单已过期"],
  TRADE_NOT_PAID: [400, "INVALID_REQUEST", "订单未支付，不能退款"],
  REFUND_EXCEEDS_PAID: [400, "INVALID_REQUEST", "申请退款金额超过订单可退金额"],
  REFUND_NO_USED: [400, "INVALID_REQUEST", "商户退款单号已用于金额不同的退款"],
};

export function refusalError(reason: TradeRefusal, subject: RefusalSubject): WechatApiError {
  if (reason === "TRADE_NOT_FOUND" && subject === "refund") {
    return new WechatApiError(404, "RESOURCE_NOT_EXISTS", "订单不存在");
  }
  const [status, code, message] = refusals[reason];
  return new WechatApiError(status, code, message);
}

/** Runs a trade operation, turning the sandbox's refusal into WeChat's error for it. */
export async function asWechatRefusal<T>(operation: Promise<T>, subject: RefusalSubject): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof TradeRefused) throw refusalError(error.reason, subject);
    throw error;
  }
}
