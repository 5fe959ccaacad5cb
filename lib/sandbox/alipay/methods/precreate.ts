import type { ApiMethod } from "@/lib/sandbox/alipay/methods/call";
import { openAlipayTrade } from "@/lib/sandbox/alipay/methods/open-trade";
import { phonePageUrl } from "@/lib/sandbox/alipay/trade-facts";

/**
 * alipay.trade.precreate: a QR code for the payer to scan. Alipay only creates the trade once the
 * code is scanned; the sandbox opens it at once, so its phone page has something to pay.
 */
export const precreate: ApiMethod = async (call) => {
  const trade = await openAlipayTrade(call, "QR");
  return { out_trade_no: trade.outTradeNo, qr_code: phonePageUrl(trade) };
};
