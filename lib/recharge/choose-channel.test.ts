import { describe, expect, it } from "vitest";
import { browserOf, chooseChannel } from "./choose-channel";

const WECHAT_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
const ALIPAY_UA =
  "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 AlipayClient/10.5.36.8000 Language/zh-Hans";
const PHONE_UA =
  "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";

describe("browserOf", () => {
  it("knows WeChat's and Alipay's in-app browsers by their user agents", () => {
    expect(browserOf(WECHAT_UA)).toBe("WECHAT");
    expect(browserOf(ALIPAY_UA)).toBe("ALIPAY");
    expect(browserOf(PHONE_UA)).toBe("OTHER");
    expect(browserOf(null)).toBe("OTHER");
  });
});

describe("chooseChannel", () => {
  it("desktop: a QR, or Alipay's page pay when the config has that product", () => {
    expect(chooseChannel({ provider: "WECHAT", browser: "OTHER", phone: false })).toEqual({ channel: "QR" });
    expect(chooseChannel({ provider: "ALIPAY", browser: "OTHER", phone: false })).toEqual({ channel: "QR" });
    expect(chooseChannel({ provider: "ALIPAY", browser: "OTHER", phone: false, alipayDesktop: "PAGE" })).toEqual({
      channel: "PAGE",
    });
  });

  it("phone browser: the provider's H5/WAP page", () => {
    expect(chooseChannel({ provider: "WECHAT", browser: "OTHER", phone: true })).toEqual({ channel: "H5" });
    expect(chooseChannel({ provider: "ALIPAY", browser: "OTHER", phone: true, alipayDesktop: "PAGE" })).toEqual({
      channel: "H5",
    });
  });

  it("inside WeChat: JSAPI for WeChat Pay, and Alipay is blocked", () => {
    expect(chooseChannel({ provider: "WECHAT", browser: "WECHAT", phone: true })).toEqual({ channel: "JSAPI" });
    expect(chooseChannel({ provider: "ALIPAY", browser: "WECHAT", phone: true })).toEqual({
      blocked: "ALIPAY_IN_WECHAT",
    });
  });

  it("inside Alipay's app: straight to the WAP page", () => {
    expect(chooseChannel({ provider: "ALIPAY", browser: "ALIPAY", phone: false })).toEqual({ channel: "H5" });
  });

  it("a QR for another phone wins everywhere, even where Alipay is blocked", () => {
    for (const browser of ["WECHAT", "ALIPAY", "OTHER"] as const) {
      for (const provider of ["WECHAT", "ALIPAY"] as const) {
        expect(chooseChannel({ provider, browser, phone: true, qrForAnotherPhone: true })).toEqual({ channel: "QR" });
      }
    }
  });
});
