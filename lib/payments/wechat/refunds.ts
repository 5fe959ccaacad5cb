/** WeChat Pay v3 refund operations: create a refund and query it. */
import { ProviderError, type RefundInput, type RefundStatus } from "@/lib/payments/types";
import type { Reply, WechatClient } from "./client";
import { assertFen, assertOrderNo, assertRefundNo, clip } from "./input";
import { toRefundStatus } from "./mapping";
import { readSuccess } from "./reply";
import { refundSchema, type Refund } from "./schemas";

/** WeChat's limit for `reason`, which the payer sees; informational, so clipped, not refused. */
const MAX_REASON_CHARS = 80;

function readRefund(reply: Reply, orderNo: string, refundNo: string): Refund {
  const refund = readSuccess(reply, refundSchema);
  if (refund.out_trade_no !== orderNo || refund.out_refund_no !== refundNo) {
    throw new ProviderError(
      "WECHAT",
      "INVALID_RESPONSE",
      `answer is about refund ${refund.out_refund_no} of order ${refund.out_trade_no}`,
      undefined,
      reply.status,
    );
  }
  return refund;
}

function refundSummary(refund: Refund): Record<string, unknown> {
  return { refund_id: refund.refund_id, status: refund.status, amount: refund.amount };
}

export function createRefund(client: WechatClient, input: RefundInput): Promise<RefundStatus> {
  assertOrderNo(input.orderNo);
  assertRefundNo(input.refundNo);
  assertFen(input.refundFen, "refundFen");
  assertFen(input.totalFen, "totalFen");
  if (input.refundFen > input.totalFen) throw new RangeError("refundFen must not exceed totalFen");
  const body = {
    out_trade_no: input.orderNo,
    out_refund_no: input.refundNo,
    reason: clip(input.reason, MAX_REASON_CHARS),
    notify_url: input.notifyUrl,
    amount: { refund: input.refundFen, total: input.totalFen, currency: "CNY" },
  };
  const summary = {
    orderNo: input.orderNo,
    refundNo: input.refundNo,
    refundFen: input.refundFen,
    totalFen: input.totalFen,
    reason: body.reason,
  };
  return client.call(
    { operation: "refund", method: "POST", path: "/v3/refund/domestic/refunds", body, orderNo: input.orderNo, summary },
    (reply) => {
      const refund = readRefund(reply, input.orderNo, input.refundNo);
      return { value: toRefundStatus(refund), summary: refundSummary(refund) };
    },
  );
}

export function queryRefund(client: WechatClient, orderNo: string, refundNo: string): Promise<RefundStatus> {
  assertOrderNo(orderNo);
  assertRefundNo(refundNo);
  return client.call(
    {
      operation: "query_refund",
      method: "GET",
      path: `/v3/refund/domestic/refunds/${encodeURIComponent(refundNo)}`,
      orderNo,
      summary: { orderNo, refundNo },
    },
    (reply) => {
      const refund = readRefund(reply, orderNo, refundNo);
      return { value: toRefundStatus(refund), summary: refundSummary(refund) };
    },
  );
}
