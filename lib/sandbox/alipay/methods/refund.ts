import { fenToYuan, formatBeijingTime } from "@/lib/payments/alipay";
import { readBiz, refundBiz } from "@/lib/sandbox/alipay/biz-content";
import { refusalError } from "@/lib/sandbox/alipay/gateway-error";
import type { ApiMethod } from "@/lib/sandbox/alipay/methods/call";
import { SANDBOX_MAX_FEN } from "@/lib/sandbox/alipay/methods/open-trade";
import { sandboxBuyer } from "@/lib/sandbox/alipay/trade-facts";
import { refundTrade, TradeRefused } from "@/lib/sandbox/trades";

/**
 * alipay.trade.refund: refunds part or all of a paid trade at once. The result notify goes to the
 * payment's notify_url (Alipay has no refund notify_url). A repeated out_request_no with the same
 * amount is the same refund: answered again with fund_change "N", nothing moves.
 */
export const refund: ApiMethod = async ({ keys, biz, now }) => {
  const input = readBiz(refundBiz, biz);
  // More than any sandbox trade can hold, so necessarily more than was paid.
  if (input.refund_amount > SANDBOX_MAX_FEN) throw refusalError("REFUND_EXCEEDS_PAID", "refund");
  let result: Awaited<ReturnType<typeof refundTrade>>;
  try {
    result = await refundTrade(
      {
        merchantId: keys.merchant.id,
        outTradeNo: input.out_trade_no,
        outRefundNo: input.out_request_no,
        amountFen: input.refund_amount,
        reason: input.refund_reason,
      },
      now,
    );
  } catch (error) {
    if (error instanceof TradeRefused) throw refusalError(error.reason, "refund");
    throw error;
  }
  const { trade, refund: done } = result;
  const refundedAt = done.succeededAt ?? done.createdAt;
  // refundTrade stamps a refund it creates with the `now` it was given; an earlier one is a repeat.
  const moved = refundedAt.getTime() === now.getTime();
  const buyer = sandboxBuyer(trade);
  return {
    out_trade_no: trade.outTradeNo,
    ...(trade.providerTradeNo ? { trade_no: trade.providerTradeNo } : {}),
    buyer_logon_id: buyer.buyerLogonId,
    buyer_user_id: buyer.buyerId,
    fund_change: moved ? "Y" : "N",
    // The trade's refunded total, not this refund's amount.
    refund_fee: fenToYuan(trade.refundedFen),
    gmt_refund_pay: formatBeijingTime(refundedAt),
  };
};
