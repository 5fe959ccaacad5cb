/**
 * What WeChat does when a page calls WeixinJSBridge.invoke('getBrandWCPayRequest', …): check
 * the paySign against the merchant's key, show the cashier, and pay. The bridge belongs to
 * WeChat's browser, so tests install one that posts here (see e2e/wechat-bridge.ts).
 */
import { z } from "zod";
import { loadRsaPublicKey, payMessage, verifyMessage } from "@/lib/payments/wechat";
import { findMerchant } from "@/lib/sandbox/merchants";
import { findTradeById, payTrade, TradeRefused } from "@/lib/sandbox/trades";
import { tradeIdOfPrepay } from "./oauth";

const MAX_SKEW_SECONDS = 5 * 60;

export const bridgeRequestSchema = z.object({
  appId: z.string().min(1).max(32),
  timeStamp: z.string().regex(/^\d{1,12}$/),
  nonceStr: z.string().min(1).max(32),
  package: z.string().regex(/^prepay_id=[A-Za-z0-9_-]{1,64}$/),
  signType: z.literal("RSA"),
  paySign: z.string().min(1).max(1024),
  /** What the payer does in the cashier. */
  choice: z.enum(["pay", "cancel"]).default("pay"),
});

export type BridgeAnswer =
  "get_brand_wcpay_request:ok" | "get_brand_wcpay_request:cancel" | "get_brand_wcpay_request:fail";

export async function answerBridge(
  input: z.infer<typeof bridgeRequestSchema>,
  now = new Date(),
): Promise<BridgeAnswer> {
  const merchant = await findMerchant("WECHAT", { appId: input.appId });
  if (!merchant) return "get_brand_wcpay_request:fail";
  const publicKey = loadRsaPublicKey(merchant.merchant.merchantPublicKeyPem, "merchantPublicKeyPem");
  if (!verifyMessage(payMessage(input), input.paySign, publicKey)) {
    return "get_brand_wcpay_request:fail";
  }
  if (Math.abs(now.getTime() / 1000 - Number(input.timeStamp)) > MAX_SKEW_SECONDS)
    return "get_brand_wcpay_request:fail";
  const tradeId = tradeIdOfPrepay(input.package.slice("prepay_id=".length));
  const trade = tradeId ? await findTradeById(tradeId) : null;
  if (!trade || trade.merchantId !== merchant.merchant.id || trade.channel !== "JSAPI") {
    return "get_brand_wcpay_request:fail";
  }
  if (input.choice === "cancel") return "get_brand_wcpay_request:cancel";
  try {
    await payTrade(trade.id, now);
  } catch (error) {
    if (error instanceof TradeRefused) return "get_brand_wcpay_request:fail";
    throw error;
  }
  return "get_brand_wcpay_request:ok";
}

/** The bridge endpoint: getBrandWCPayRequest's parameters in, WeChat's `err_msg` out. */
export async function answerBridgeRequest(request: Request): Promise<Response> {
  const parsed = bridgeRequestSchema.safeParse(await request.json().catch(() => null));
  const errMsg = parsed.success ? await answerBridge(parsed.data) : "get_brand_wcpay_request:fail";
  return Response.json({ err_msg: errMsg });
}
