import { formatBeijingTime } from "@/lib/payments/alipay";
import { readBiz, tradeRefBiz } from "@/lib/sandbox/alipay/biz-content";
import { tradeNotExist } from "@/lib/sandbox/alipay/gateway-error";
import type { ApiMethod } from "@/lib/sandbox/alipay/methods/call";
import { alipayTradeStatus, reportedYuan, sandboxBuyer } from "@/lib/sandbox/alipay/trade-facts";
import { findTrade } from "@/lib/sandbox/trades";

/** alipay.trade.query: the trade's status; payer and payment fields only once it was paid. */
export const query: ApiMethod = async ({ keys, biz, faults, now }) => {
  const { out_trade_no: outTradeNo } = readBiz(tradeRefBiz, biz);
  const trade = await findTrade(keys.merchant.id, outTradeNo);
  if (!trade) throw tradeNotExist();
  const wrongAmount = Boolean(faults.wrongAmount);
  const answer: Record<string, string> = {
    out_trade_no: trade.outTradeNo,
    trade_status: alipayTradeStatus(trade, now),
    total_amount: reportedYuan(trade.amountFen, wrongAmount),
    buyer_pay_amount: "0.00",
    point_amount: "0.00",
    invoice_amount: "0.00",
    receipt_amount: "0.00",
  };
  if (trade.providerTradeNo) answer.trade_no = trade.providerTradeNo;
  if (trade.paidAt) {
    const paid = reportedYuan(trade.paidAmountFen ?? trade.amountFen, wrongAmount);
    const buyer = sandboxBuyer(trade);
    Object.assign(answer, {
      buyer_pay_amount: paid,
      invoice_amount: paid,
      receipt_amount: paid,
      send_pay_date: formatBeijingTime(trade.paidAt),
      buyer_logon_id: buyer.buyerLogonId,
      buyer_user_id: buyer.buyerId,
    });
  }
  return answer;
};
