import { pagePayBiz, readBiz } from "@/lib/sandbox/alipay/biz-content";
import type { MethodCall } from "@/lib/sandbox/alipay/methods/call";
import { openAlipayTrade, urlParam } from "@/lib/sandbox/alipay/methods/open-trade";
import { cashierPageUrl } from "@/lib/sandbox/alipay/trade-facts";

/**
 * alipay.trade.page.pay (电脑网站支付): the browser opens the signed URL (in the merchant's iframe
 * for qr_pay_mode 4) and Alipay shows its cashier, whose QR code a phone scans. After payment
 * the cashier sends the top window to return_url with signed params. Returns where to redirect.
 */
export async function pagePay(call: MethodCall): Promise<string> {
  const biz = readBiz(pagePayBiz, call.biz);
  const trade = await openAlipayTrade(call, "PAGE", urlParam(call, "return_url"));
  const embedded = biz.qr_pay_mode === "4";
  return cashierPageUrl(trade, embedded ? Number(biz.qrcode_width ?? "200") : undefined);
}
