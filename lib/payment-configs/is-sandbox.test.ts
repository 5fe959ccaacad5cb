import type { PaymentConfig } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { isSandboxConfig, pointsAtAppSandbox } from "@/lib/payment-configs/is-sandbox";
import { chooseOffered } from "@/lib/payment-configs/offered-configs";

const appUrl = "http://localhost:3000";

describe("pointsAtAppSandbox", () => {
  it.each([
    "http://localhost:3000/sandbox/wechat",
    "http://localhost:3000/sandbox/alipay/gateway.do",
    "http://localhost:3000",
    "http://localhost:3000/anything",
    "http://127.0.0.1:3000/sandbox/wechat",
    "http://192.168.1.20:3000/sandbox/alipay/gateway.do",
    "https://pay-proxy.example.com/sandbox/wechat/",
    "http://127.0.0.1:3000//sandbox/wechat",
    "http://127.0.0.1:3000/%73andbox/wechat",
    "http://127.0.0.1:3000/SANDBOX/wechat",
    "http://127.0.0.1:3000/x/../sandbox/wechat",
  ])("%s is this app's sandbox", (url) => {
    expect(pointsAtAppSandbox(url, appUrl)).toBe(true);
  });

  it.each([
    "https://api.mch.weixin.qq.com",
    "https://openapi.alipay.com/gateway.do",
    "https://openapi-sandbox.dl.alipaydev.com/gateway.do",
    "https://api.mch.weixin.qq.com/sandboxnew",
    "http://localhost:3001/v3",
    "not a url",
  ])("%s is not", (url) => {
    expect(pointsAtAppSandbox(url, appUrl)).toBe(false);
  });
});

function config(overrides: Partial<PaymentConfig>): PaymentConfig {
  return {
    id: overrides.id ?? "c",
    provider: "WECHAT",
    name: "n",
    appId: "a",
    merchantId: "m",
    merchantSerialNo: null,
    providerKeyId: null,
    gatewayUrl: "https://api.mch.weixin.qq.com",
    returnUrl: null,
    oauthBaseUrl: null,
    alipayDesktop: "PRECREATE",
    sandbox: false,
    enabled: true,
    isDefault: true,
    sealedSecrets: "",
    secretFingerprints: {},
    deletedAt: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

describe("isSandboxConfig", () => {
  it("believes a sandbox flag, and sees through a live flag on the app's sandbox gateway", () => {
    process.env.APP_URL ??= appUrl;
    expect(isSandboxConfig(config({ sandbox: true }))).toBe(true);
    expect(isSandboxConfig(config({ sandbox: false, gatewayUrl: "http://10.0.0.5:3000/sandbox/wechat" }))).toBe(true);
    expect(isSandboxConfig(config({ sandbox: false }))).toBe(false);
  });
});

describe("chooseOffered", () => {
  const wechatSandbox = config({ id: "ws", gatewayUrl: "http://x:1/sandbox/wechat" });
  const alipaySandbox = config({ id: "as", provider: "ALIPAY", gatewayUrl: "http://x:1/sandbox/alipay/gateway.do" });

  it("offers the sandbox defaults while nothing is live: the demo works", () => {
    expect(chooseOffered([wechatSandbox, alipaySandbox])).toEqual({
      live: false,
      configs: [wechatSandbox, alipaySandbox],
    });
  });

  it("offers no sandbox of any provider once a live config is enabled, default or not", () => {
    const liveAlipay = config({ id: "al", provider: "ALIPAY", isDefault: false });
    expect(chooseOffered([wechatSandbox, alipaySandbox, liveAlipay])).toEqual({ live: true, configs: [] });
    const liveDefault = { ...liveAlipay, isDefault: true };
    expect(chooseOffered([wechatSandbox, { ...alipaySandbox, isDefault: false }, liveDefault])).toEqual({
      live: true,
      configs: [liveDefault],
    });
  });

  it("a live-flagged config on the sandbox gateway does not count as live", () => {
    const disguised = config({ id: "d", sandbox: false, gatewayUrl: "http://x:1/sandbox/wechat", isDefault: false });
    expect(chooseOffered([wechatSandbox, disguised]).live).toBe(false);
  });
});
