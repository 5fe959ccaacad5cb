// The JSAPI pay-sign checked against wechatpay-node-v3's transactions_jsapi for the same input:
// the SDK computes paySign itself after placing the order, so its whole answer is compared.
import { generateKeyPairSync, createVerify } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import WxPay from "wechatpay-node-v3";
import { jsapiPayParams, payMessage } from "./jsapi";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const appId = "wx0000000000000001";
const prepayId = "wx201410272009395522657a690389285100";

function sdk() {
  return new WxPay({
    appid: appId,
    mchid: "1900000001",
    serial_no: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
    publicKey: Buffer.from(publicKey.export({ type: "spki", format: "pem" })),
    privateKey: Buffer.from(privateKey.export({ type: "pkcs8", format: "pem" })),
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("JSAPI pay parameters", () => {
  it("equal wechatpay-node-v3's transactions_jsapi answer for the same prepay_id, time and nonce", async () => {
    const nowMs = 1_700_000_123_456;
    vi.useFakeTimers({ now: nowMs, toFake: ["Date"] });
    // The SDK's nonce is Math.random().toString(36).substr(2, 15); pin it to learn the value.
    vi.spyOn(Math, "random").mockReturnValue(0.123456789);
    const pay = sdk();
    // No network: the SDK's HTTP layer answers as WeChat would.
    const httpService = (pay as unknown as { httpService: { post: unknown } }).httpService;
    vi.spyOn(httpService as { post: () => Promise<unknown> }, "post").mockResolvedValue({
      status: 200,
      data: { prepay_id: prepayId },
    });
    const answer = (await pay.transactions_jsapi({
      description: "330 credits",
      out_trade_no: "R20260101ABCDEFGHJKLMNPQRSTUV",
      notify_url: "https://shop.example/notify",
      amount: { total: 3000 },
      payer: { openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
    })) as { data: Record<string, string> };

    const ours = jsapiPayParams({ appId, prepayId, privateKey, nowMs, nonce: answer.data.nonceStr });
    expect(ours).toEqual(answer.data);
    expect(ours.timeStamp).toBe("1700000123");
    expect(ours.package).toBe(`prepay_id=${prepayId}`);
  });

  it("sign appId, timeStamp, nonceStr and package, each followed by a newline", () => {
    const params = jsapiPayParams({ appId, prepayId, privateKey, nowMs: Date.now() });
    expect(payMessage(params)).toBe(`${appId}\n${params.timeStamp}\n${params.nonceStr}\nprepay_id=${prepayId}\n`);
    const valid = createVerify("RSA-SHA256").update(payMessage(params)).verify(publicKey, params.paySign, "base64");
    expect(valid).toBe(true);
    expect(params.signType).toBe("RSA");
    // A CSPRNG nonce, different every time.
    expect(jsapiPayParams({ appId, prepayId, privateKey, nowMs: Date.now() }).nonceStr).not.toBe(params.nonceStr);
  });
});
