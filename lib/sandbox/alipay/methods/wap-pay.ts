import type { MethodCall } from "@/lib/sandbox/alipay/methods/call";
import { openAlipayTrade, urlParam } from "@/lib/sandbox/alipay/methods/open-trade";
import { phonePageUrl } from "@/lib/sandbox/alipay/trade-facts";

/**
 * alipay.trade.wap.pay: the payer's browser opens the signed URL itself, and Alipay shows its
 * cashier page. The sandbox's cashier is the phone page; return_url is where it sends the
 * browser back after paying. Returns where to redirect.
 */
export async function wapPay(call: MethodCall): Promise<string> {
  const trade = await openAlipayTrade(call, "H5", urlParam(call, "return_url"));
  return phonePageUrl(trade);
}
