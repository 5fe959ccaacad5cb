/** WeChat Pay v3 trade and refund objects → our provider-neutral statuses. */
import type { RefundState, RefundStatus, TradeState, TradeStatus } from "@/lib/payments/types";
import type { Refund, RefundNotice, Transaction } from "./schemas";
import { parseWechatTime } from "./time";

const TRADE_STATES: Record<Transaction["trade_state"], TradeState> = {
  SUCCESS: "PAID",
  REFUND: "REFUNDED",
  NOTPAY: "PENDING",
  USERPAYING: "PENDING",
  CLOSED: "CLOSED",
  REVOKED: "CLOSED",
  PAYERROR: "CLOSED",
};

/** ABNORMAL: the money could not reach the payer's account and needs manual handling. */
const REFUND_STATES: Record<Refund["status"], RefundState> = {
  SUCCESS: "SUCCESS",
  CLOSED: "CLOSED",
  PROCESSING: "PROCESSING",
  ABNORMAL: "FAILED",
};

function optional(value: string | undefined): string | undefined {
  return value === "" ? undefined : value;
}

function time(value: string | undefined): Date | undefined {
  const text = optional(value);
  return text === undefined ? undefined : parseWechatTime(text);
}

export function toTradeStatus(tx: Transaction): TradeStatus {
  const state = TRADE_STATES[tx.trade_state];
  const settled = state === "PAID" || state === "REFUNDED";
  return {
    orderNo: tx.out_trade_no,
    state,
    providerTradeNo: optional(tx.transaction_id),
    // Only a paid trade says what was paid; `payer_total` is the payer's part after any coupon.
    amountFen: settled ? (tx.amount?.payer_total ?? tx.amount?.total) : undefined,
    currency: tx.amount?.currency,
    paidAt: settled ? time(tx.success_time) : undefined,
    appId: tx.appid,
    merchantId: tx.mchid,
  };
}

export function toRefundStatus(refund: Refund): RefundStatus {
  return {
    orderNo: refund.out_trade_no,
    refundNo: refund.out_refund_no,
    state: REFUND_STATES[refund.status],
    providerRefundId: refund.refund_id,
    refundFen: refund.amount.refund,
    succeededAt: time(refund.success_time),
  };
}

export function noticeToRefundStatus(notice: RefundNotice): RefundStatus {
  return {
    orderNo: notice.out_trade_no,
    refundNo: notice.out_refund_no,
    state: REFUND_STATES[notice.refund_status],
    providerRefundId: notice.refund_id,
    refundFen: notice.amount?.refund,
    succeededAt: time(notice.success_time),
  };
}
