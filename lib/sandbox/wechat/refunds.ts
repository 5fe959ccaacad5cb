/** Refund operations: create (idempotent on out_refund_no) and query by out_refund_no. */
import { findRefund, findTrade, refundTrade } from "@/lib/sandbox/trades";
import { WechatApiError, asWechatRefusal, invalidRequest, refusalError } from "./api-error";
import type { Answer, CallContext } from "./call";
import { parseJsonBody, refundSchema } from "./request-schemas";
import { refundResource } from "./resources";

export async function createRefund(ctx: CallContext): Promise<Answer> {
  const request = parseJsonBody(refundSchema, ctx.body);
  const merchantId = ctx.keys.merchant.id;
  const trade = await findTrade(merchantId, request.out_trade_no);
  if (!trade) throw refusalError("TRADE_NOT_FOUND", "refund");
  // WeChat checks the order total the merchant states: a refund against the wrong order fails.
  if (request.amount.total !== trade.amountFen) throw invalidRequest("订单金额与原订单金额不一致");
  const { trade: refunded, refund } = await asWechatRefusal(
    refundTrade(
      {
        merchantId,
        outTradeNo: request.out_trade_no,
        outRefundNo: request.out_refund_no,
        amountFen: request.amount.refund,
        reason: request.reason,
        notifyUrl: request.notify_url,
      },
      ctx.now,
    ),
    "refund",
  );
  return { status: 200, json: refundResource(refunded, refund) };
}

export async function queryRefund(ctx: CallContext, outRefundNo: string): Promise<Answer> {
  const refund = await findRefund(ctx.keys.merchant.id, outRefundNo);
  if (!refund) throw new WechatApiError(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
  return { status: 200, json: refundResource(refund.trade, refund) };
}
