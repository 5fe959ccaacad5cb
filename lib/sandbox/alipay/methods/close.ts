import { readBiz, tradeRefBiz } from "@/lib/sandbox/alipay/biz-content";
import { refusalError } from "@/lib/sandbox/alipay/gateway-error";
import type { ApiMethod } from "@/lib/sandbox/alipay/methods/call";
import { closeTrade, TradeRefused } from "@/lib/sandbox/trades";

/** alipay.trade.close: closes an unpaid trade; a paid one is ACQ.TRADE_STATUS_ERROR. */
export const close: ApiMethod = async ({ keys, biz }) => {
  const { out_trade_no: outTradeNo } = readBiz(tradeRefBiz, biz);
  try {
    const trade = await closeTrade(keys.merchant.id, outTradeNo);
    return { out_trade_no: trade.outTradeNo, ...(trade.providerTradeNo ? { trade_no: trade.providerTradeNo } : {}) };
  } catch (error) {
    if (error instanceof TradeRefused) throw refusalError(error.reason, "close");
    throw error;
  }
};
