/**
 * The JSON objects WeChat Pay v3 describes trades and refunds with: the query answers and the
 * (encrypted) notify resources. Field names and shapes follow the v3 API reference.
 */
import { createHash } from "node:crypto";
import type { SandboxMerchant, SandboxRefund, SandboxTrade } from "@prisma/client";
import { toWechatTime } from "@/lib/payments/wechat";

type Merchant = Pick<SandboxMerchant, "appId" | "merchantId">;
export type WechatTradeState = "NOTPAY" | "SUCCESS" | "REFUND" | "CLOSED";

const CURRENCY = "CNY";
/** Where a refund to the payer's balance lands, as WeChat words it. */
const RECEIVED_ACCOUNT = "支付用户零钱";

const stateDescriptions: Record<WechatTradeState, string> = {
  NOTPAY: "订单未支付",
  SUCCESS: "支付成功",
  REFUND: "转入退款",
  CLOSED: "订单已关闭",
};

/**
 * A trade's state as a WeChat query reports it. An unpaid trade past its expiry stays NOTPAY:
 * WeChat only reports CLOSED once the merchant has closed it.
 */
function queriedState(trade: SandboxTrade): WechatTradeState {
  if (trade.state === "PENDING") return "NOTPAY";
  if (trade.state === "CLOSED") return "CLOSED";
  // Any refund, partial ones included, turns a paid trade into REFUND ("转入退款").
  return trade.state === "REFUNDED" || trade.refundedFen > 0 ? "REFUND" : "SUCCESS";
}

/** The payer's openid under this app; derived from the trade, so queries and notifies agree. */
function payerOpenId(merchant: Merchant, trade: SandboxTrade): string {
  return `o${createHash("sha256").update(`${merchant.appId}:${trade.id}`).digest("base64url").slice(0, 27)}`;
}

function paidFen(trade: SandboxTrade): number {
  return trade.paidAmountFen ?? trade.amountFen;
}

/**
 * A transaction (query answer, `TRANSACTION.*` resource). `wrongAmount` reports one fen more
 * than the trade's amount (fault injection).
 */
export function transactionResource(
  merchant: Merchant,
  trade: SandboxTrade,
  wrongAmount: boolean,
  state: WechatTradeState = queriedState(trade),
): Record<string, unknown> {
  const skew = wrongAmount ? 1 : 0;
  const common = {
    appid: merchant.appId,
    mchid: merchant.merchantId,
    out_trade_no: trade.outTradeNo,
    trade_type: trade.channel === "H5" ? "MWEB" : "NATIVE",
    trade_state: state,
    trade_state_desc: stateDescriptions[state],
  };
  if (!trade.paidAt || !trade.providerTradeNo) {
    return { ...common, amount: { total: trade.amountFen + skew, currency: CURRENCY, payer_currency: CURRENCY } };
  }
  return {
    ...common,
    transaction_id: trade.providerTradeNo,
    bank_type: "OTHERS",
    success_time: toWechatTime(trade.paidAt),
    payer: { openid: payerOpenId(merchant, trade) },
    amount: {
      total: trade.amountFen + skew,
      payer_total: paidFen(trade) + skew,
      currency: CURRENCY,
      payer_currency: CURRENCY,
    },
  };
}

/** A refund as the refund create and refund query APIs answer it. */
export function refundResource(trade: SandboxTrade, refund: SandboxRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundNo,
    out_refund_no: refund.outRefundNo,
    transaction_id: trade.providerTradeNo ?? "",
    out_trade_no: trade.outTradeNo,
    channel: "ORIGINAL",
    user_received_account: RECEIVED_ACCOUNT,
    ...(refund.state === "SUCCESS" && refund.succeededAt ? { success_time: toWechatTime(refund.succeededAt) } : {}),
    create_time: toWechatTime(refund.createdAt),
    status: refund.state,
    funds_account: "AVAILABLE",
    amount: {
      total: trade.amountFen,
      refund: refund.amountFen,
      from: [],
      payer_total: paidFen(trade),
      payer_refund: refund.amountFen,
      settlement_total: trade.amountFen,
      settlement_refund: refund.amountFen,
      discount_refund: 0,
      currency: CURRENCY,
    },
    promotion_detail: [],
  };
}

/** A `REFUND.*` notify resource; `wrongAmount` reports one fen more refunded (fault injection). */
export function refundNoticeResource(
  merchant: Merchant,
  trade: SandboxTrade,
  refund: SandboxRefund,
  wrongAmount: boolean,
): Record<string, unknown> {
  const skew = wrongAmount ? 1 : 0;
  return {
    mchid: merchant.merchantId,
    out_trade_no: trade.outTradeNo,
    transaction_id: trade.providerTradeNo ?? "",
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundNo,
    refund_status: refund.state,
    ...(refund.succeededAt ? { success_time: toWechatTime(refund.succeededAt) } : {}),
    user_received_account: RECEIVED_ACCOUNT,
    amount: {
      total: trade.amountFen,
      refund: refund.amountFen + skew,
      payer_total: paidFen(trade),
      payer_refund: refund.amountFen + skew,
    },
  };
}
