import { fenToYuan, formatBeijingTime } from "@/lib/payments/alipay";
import { getPrisma } from "@/lib/db";
import { readBiz, refundQueryBiz } from "@/lib/sandbox/alipay/biz-content";
import { tradeNotExist } from "@/lib/sandbox/alipay/gateway-error";
import type { ApiMethod } from "@/lib/sandbox/alipay/methods/call";
import { findTrade } from "@/lib/sandbox/trades";

/**
 * alipay.trade.fastpay.refund.query. A refund Alipay does not know is not an error: the answer is
 * a plain success without refund_status, which means "not refunded (yet)".
 */
export const refundQuery: ApiMethod = async ({ keys, biz }) => {
  const input = readBiz(refundQueryBiz, biz);
  const trade = await findTrade(keys.merchant.id, input.out_trade_no);
  if (!trade) throw tradeNotExist();
  const known = {
    out_trade_no: trade.outTradeNo,
    ...(trade.providerTradeNo ? { trade_no: trade.providerTradeNo } : {}),
  };
  const prisma = await getPrisma();
  // out_request_no is unique within a trade at Alipay, so the refund is looked up by both.
  const refund = await prisma.sandboxRefund.findUnique({
    where: { tradeId_outRefundNo: { tradeId: trade.id, outRefundNo: input.out_request_no } },
  });
  if (!refund) return known;
  const wantsTime = input.query_options?.includes("gmt_refund_pay") ?? false;
  return {
    ...known,
    out_request_no: refund.outRefundNo,
    total_amount: fenToYuan(trade.amountFen),
    refund_amount: fenToYuan(refund.amountFen),
    ...(refund.reason ? { refund_reason: refund.reason } : {}),
    ...(refund.state === "SUCCESS" ? { refund_status: "REFUND_SUCCESS" } : {}),
    ...(wantsTime && refund.succeededAt ? { gmt_refund_pay: formatBeijingTime(refund.succeededAt) } : {}),
  };
};
