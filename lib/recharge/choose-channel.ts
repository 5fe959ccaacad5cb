/**
 * How a payment reaches the payer on this device. Pure, so the recharge form (in the browser)
 * and the tests ask the same question.
 */
export type Browser = "WECHAT" | "ALIPAY" | "OTHER";
export type PayProvider = "WECHAT" | "ALIPAY";
export type PayChannel = "QR" | "H5" | "JSAPI" | "PAGE";

/** WeChat's in-app browser says `MicroMessenger/`, Alipay's `AlipayClient/`. */
export function browserOf(userAgent: string | null | undefined): Browser {
  if (!userAgent) return "OTHER";
  if (userAgent.includes("MicroMessenger/")) return "WECHAT";
  if (userAgent.includes("AlipayClient/")) return "ALIPAY";
  return "OTHER";
}

export interface ChooseChannelInput {
  provider: PayProvider;
  browser: Browser;
  /** A phone-sized touch screen: a QR on it cannot be scanned by the phone showing it. */
  phone: boolean;
  /** The user asked for a QR code to scan with another phone. */
  qrForAnotherPhone?: boolean;
  /** Alipay's product on a computer: 当面付 (a QR) or 电脑网站支付 (the page-pay cashier). */
  alipayDesktop?: "QR" | "PAGE";
}

/** Alipay pages are blocked inside WeChat: the user must open the system browser or pay by WeChat. */
export type ChannelChoice = { channel: PayChannel } | { blocked: "ALIPAY_IN_WECHAT" };

export function chooseChannel(input: ChooseChannelInput): ChannelChoice {
  if (input.qrForAnotherPhone) return { channel: "QR" };
  if (input.browser === "WECHAT") {
    // WeChat's H5 pay refuses inside WeChat ("请在微信外打开订单"); JSAPI is the way there.
    return input.provider === "WECHAT" ? { channel: "JSAPI" } : { blocked: "ALIPAY_IN_WECHAT" };
  }
  // Inside Alipay's app its phone page opens directly.
  if (input.browser === "ALIPAY" && input.provider === "ALIPAY") return { channel: "H5" };
  if (input.phone) return { channel: "H5" };
  return { channel: input.provider === "ALIPAY" && input.alipayDesktop === "PAGE" ? "PAGE" : "QR" };
}
