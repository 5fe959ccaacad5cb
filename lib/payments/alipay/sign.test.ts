import { generateKeyPairSync } from "node:crypto";
import { AlipaySdk } from "alipay-sdk";
import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { buildRequestParams } from "./request";
import { rsa2Sign, rsa2Verify, signContent, signParams, verifyParams } from "./sign";

const app = generateKeyPairSync("rsa", { modulusLength: 2048 });
const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
const appPrivatePkcs1 = app.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const alipayPublicPem = alipay.publicKey.export({ type: "spki", format: "pem" }).toString();

// alipay-sdk serves as an independent reference implementation of Alipay's signing rules.
function referenceSdk(): AlipaySdk {
  return new AlipaySdk({ appId: "2021000000000001", privateKey: appPrivatePkcs1, alipayPublicKey: alipayPublicPem });
}

describe("signContent", () => {
  const params = {
    total_amount: "0.01",
    app_id: "2021",
    sign: "SIG",
    sign_type: "RSA2",
    body: "",
    fund_bill_list: '[{"amount":"0.01","fundChannel":"ALIPAYACCOUNT"}]',
    subject: "a b&c=d",
  };

  it("sorts by name, skips sign and empty values, keeps values raw", () => {
    expect(signContent(params, "request")).toBe(
      'app_id=2021&fund_bill_list=[{"amount":"0.01","fundChannel":"ALIPAYACCOUNT"}]&sign_type=RSA2&subject=a b&c=d&total_amount=0.01',
    );
  });

  it("also skips sign_type for notifies", () => {
    expect(signContent(params, "notify")).toBe(
      'app_id=2021&fund_bill_list=[{"amount":"0.01","fundChannel":"ALIPAYACCOUNT"}]&subject=a b&c=d&total_amount=0.01',
    );
  });
});

describe("signParams / verifyParams", () => {
  const params = { app_id: "2021", out_trade_no: "R1", total_amount: "12.34" };

  it("verifies what it signed, for both scopes", () => {
    for (const scope of ["request", "notify"] as const) {
      const signed = signParams(params, scope, alipay.privateKey);
      expect(signed.sign_type).toBe("RSA2");
      expect(verifyParams(signed, scope, alipay.publicKey)).toBe(true);
    }
  });

  it("rejects a changed value, an added field, the other scope and another key", () => {
    const signed = signParams(params, "notify", alipay.privateKey);
    expect(verifyParams({ ...signed, total_amount: "99.00" }, "notify", alipay.publicKey)).toBe(false);
    expect(verifyParams({ ...signed, extra: "x" }, "notify", alipay.publicKey)).toBe(false);
    expect(verifyParams(signed, "request", alipay.publicKey)).toBe(false);
    expect(verifyParams(signed, "notify", app.publicKey)).toBe(false);
  });

  it("rejects RSA (SHA1) sign_type, a missing sign and non-base64 signatures", () => {
    const signed = signParams(params, "notify", alipay.privateKey);
    expect(verifyParams({ ...signed, sign_type: "RSA" }, "notify", alipay.publicKey)).toBe(false);
    const { sign: _sign, ...unsigned } = signed;
    expect(verifyParams(unsigned, "notify", alipay.publicKey)).toBe(false);
    expect(rsa2Verify("x", "not base64!", alipay.publicKey)).toBe(false);
    expect(rsa2Verify("x", rsa2Sign("x", alipay.privateKey), "not a key")).toBe(false);
  });
});

describe("compatibility with alipay-sdk", () => {
  it("signs a request byte-for-byte as alipay-sdk does, and verifies alipay-sdk's requests", () => {
    const timestamp = "2025-01-01 20:00:00";
    const bizContent = { out_trade_no: "R20250101", total_amount: "12.34", subject: "330 credits" };
    const ours = signParams(
      buildRequestParams({
        appId: "2021000000000001",
        method: "alipay.trade.precreate",
        bizContent,
        timestamp,
        notifyUrl: "https://shop.example/notify",
      }),
      "request",
      app.privateKey,
    );
    const sdkString = referenceSdk().sdkExecute("alipay.trade.precreate", {
      bizContent,
      timestamp,
      format: "JSON",
      notifyUrl: "https://shop.example/notify",
    });
    const theirs = parseForm(sdkString);
    if (!theirs.ok) throw new Error(theirs.detail);
    expect(ours).toEqual(theirs.params);
    expect(verifyParams(theirs.params, "request", app.publicKey)).toBe(true);
  });

  it("signs notifies that alipay-sdk's checkNotifySignV2 accepts", () => {
    const signed = signParams(
      {
        app_id: "2021000000000001",
        notify_type: "trade_status_sync",
        out_trade_no: "R1",
        total_amount: "0.01",
        fund_bill_list: '[{"amount":"0.01","fundChannel":"ALIPAYACCOUNT"}]',
        subject: "100% 充值",
      },
      "notify",
      alipay.privateKey,
    );
    expect(referenceSdk().checkNotifySignV2(signed)).toBe(true);
  });
});
