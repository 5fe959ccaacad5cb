import { generateKeyPairSync } from "node:crypto";
import { AlipaySdk } from "alipay-sdk";
import { describe, expect, it } from "vitest";
import type { IncomingNotify } from "@/lib/payments/types";
import { encodeForm, parseForm } from "./form";
import { answerNotify, verifyRefundNotify, verifyTradeNotify, type NotifyIdentity } from "./notify";
import { signParams } from "./sign";

const pem = (base64: string) => `-----BEGIN PUBLIC KEY-----\n${base64}\n-----END PUBLIC KEY-----`;
const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
const notifyOf = (body: string, headers: Record<string, string> = FORM_HEADERS): IncomingNotify => ({ headers, body });

/*
 * Real sample 1: an async notify exactly as Alipay POSTed it (raw x-www-form-urlencoded body),
 * with the merchant's Alipay public key, from simonzyh/simontest
 * src/main/java/ssd/Test123.java (commit 8d732444b3470605d3b2f60ce1512577d347cf13), where it
 * is checked with Alipay's Java SDK (AlipaySignature.rsaCheckV1). Its subject starts with an
 * encoded space ("+LEADERS%2F…") and fund_bill_list is a JSON string.
 */
const GIALEN_KEY = pem(
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAgmZsuWO0gC+YcLBA5mDDodC/REQghWM25Fp9JiTTBnSLOdyoQUM69szu38bAAlEevjHKxnIW" +
    "3pFd7gGrdRuox4JzfaTI/XUPlirGki+DzLFH8hBGF4PRNtxE1Odbn1MMcYJQXuTE2eXKYsHEsJ3CPGfMDXJoJ6X8XNen81nsJ+SFT/wnpz/pyLE1hih" +
    "tjzlCCoIIZBsew1EfWlZH1UFan2T36qfRDwaxZtG1DarOUjU8YA10igd5fgl2JIoWG1qCYe6tmPWFGDf16goFebulOrpE9tQUsoejC5ahwmW//h7hC0" +
    "YdbhXSvJvVAmTo0NtSxwhyhCqnoW8rSf/vrOahVwIDAQAB",
);
const GIALEN_BODY =
  "gmt_create=2019-09-27+20%3A26%3A00&charset=utf-8&seller_email=qijijing%40gialen.com&subject=+LEADERS%2F%E4%B8%BD%E5%BE%97" +
  "%E5%A7%BF%E7%BE%8E%E8%92%82%E4%BC%98%E6%B0%A8%E5%9F%BA%E9%85%B8%E4%BF%9D%E6%B9%BF%E9%9D%A2%E8%86%9C+%E5%9B%9B%E7%9B%92" +
  "%EF%BC%88%E5%85%B140%E7%89%87&sign=Wz0CGWCEu5sSa7YJpIUu8gSuoTo5PM%2Bn4nz8l608gEkPaAdEHZ5Oxk1e9HEaTz2tgq1naE3Jl6DF1unFd" +
  "VVflb6iltXtY5bioZo9iDNVLMs%2BeRrVJ3JYynfEzMJLzL2gUgA9y8lNvDZrQ7RL3V2PwrqTBjRCOmek46awPbgy0cXXNy3TWmY%2F9Xwk6Nzd88kMhgC2" +
  "hke%2BBCO%2BGCzADQ%2FVR2ishn%2FcHXfHXm4agPgRZq%2B9glbRwg45wO440bDE7yFh4BfGcJf0yPZ30ybc%2FYYDc8mIEaNqEUcQ8GioFkQv%2FURUHl" +
  "TZ%2BJTiceYVXEcvJYh7XIIQaq3%2FDoivF98F62zm0g%3D%3D&buyer_id=2088502759737711&invoice_amount=168.00&notify_id=2019092700" +
  "222202601037710506887743&fund_bill_list=%5B%7B%22amount%22%3A%22168.00%22%2C%22fundChannel%22%3A%22PCREDIT%22%7D%5D&no" +
  "tify_type=trade_status_sync&trade_status=TRADE_SUCCESS&receipt_amount=168.00&app_id=2018071060512903&buyer_pay_amount=1" +
  "68.00&sign_type=RSA2&seller_id=2088031961907583&gmt_payment=2019-09-27+20%3A26%3A00&notify_time=2019-09-27+20%3A29%3A13" +
  "&version=1.0&out_trade_no=GP20190927202553355190&total_amount=168.00&trade_no=2019092722001437710546363945&auth_app_id=" +
  "2018071060512903&buyer_logon_id=735***%40qq.com&point_amount=0.00";
const GIALEN: NotifyIdentity = { appId: "2018071060512903", sellerId: "2088031961907583", alipayPublicKey: GIALEN_KEY };

/*
 * Real sample 2: a notify from alipay-sdk's own tests, alipay/alipay-sdk-nodejs-all
 * test/alipay.test.ts ("checkNotifySign" → "verify sign should delete sign_type" → "with sign_type
 * arguments verify success"), with the Alipay public key given inline there. The test keeps only
 * the parsed values (fund_bill_list as an array), so the form body is rebuilt from them with the
 * JSON field as the string Alipay sent.
 */
const YUQUE_KEY = pem(
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqObrdC7hrgAVM98tK0nv3hSQRGGKT4lBsQjHiGjeYZjOPIPHR5knm2jnnz/YGIXIofVHkA/t" +
    "AlBAd5DrY7YpvI4tP5EONLtZKC2ghBMx7McI2wRD0xiqzxOQr1FuhZGJ8/AUokBzJrzY+aGX2xcOrxFYRlFilvVLTXg4LWjR1tdPkO6+i7wQZAIVMClP" +
    "kwVRZEbaERRHlKqTzv2gGv5rDU8gRoe1LeaN+6BlbTqHWkQcNCUNrA8C6l17XAXGKDsm/9TFWwO8EPHHHCaQdjtV5/FdcWIt+L8SR1ss7EXTjYDFtxcK" +
    "Vv9rEoY1lX8T4mX+GbXfZHraG5NCF1+XioL5JwIDAQAB",
);
const YUQUE_PARAMS = {
  gmt_create: "2019-08-15 15:56:22",
  charset: "utf-8",
  seller_email: "z97-yuquerevenue@service.aliyun.com",
  subject: "语雀空间 500人规模",
  sign:
    "QfTb8tqE1BMhS5qAnXtvsF3/jBkEvu9q9en0pdbBUDDjvKycZhQb7h8GDs4FKfi049PynaNuatxSgLb/nLWZpXyyh0LEWdK2S6Ri7nPwrVgOs08zugLO20vOQz" +
    "44y3ti2Ncm8/wZts1Fr2gZ7pShnVX3d1B50hbsXnObT1r/U8ONNQjWXd0HIul4TG+Q3fm3svmSvFEy0WnzuhcyHPX5Gm4ELNctL6Qd5YniGJFNcc7kopHYtI/X" +
    "D9YCKCH6Ct02rzUs9i11C9CsadtZn+WhxF26Dqt9sGEFajkJ8cxUTLi8+VCpLHsgPE8P0y095uQcDdK0YjCh4x7wVSov+lrmOQ==",
  buyer_id: "2088102534368455",
  invoice_amount: "0.10",
  notify_id: "2019081500222155624068450559358070",
  fund_bill_list: '[{"amount":"0.10","fundChannel":"ALIPAYACCOUNT"}]',
  notify_type: "trade_status_sync",
  trade_status: "TRADE_SUCCESS",
  receipt_amount: "0.10",
  buyer_pay_amount: "0.10",
  sign_type: "RSA2",
  app_id: "2019073166072302",
  seller_id: "2088531891668739",
  gmt_payment: "2019-08-15 15:56:24",
  notify_time: "2019-08-15 15:56:25",
  version: "1.0",
  out_trade_no: "20190815155618536-564-57",
  total_amount: "0.10",
  trade_no: "2019081522001468450512505578",
  auth_app_id: "2019073166072302",
  buyer_logon_id: "xud***@126.com",
  point_amount: "0.00",
};
const YUQUE: NotifyIdentity = { appId: "2019073166072302", sellerId: "2088531891668739", alipayPublicKey: YUQUE_KEY };

function sdkFor(alipayPublicKey: string): AlipaySdk {
  const app = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return new AlipaySdk({
    appId: "2021000000000001",
    privateKey: app.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    alipayPublicKey,
  });
}

function parsed(body: string): Record<string, string> {
  const result = parseForm(body);
  if (!result.ok) throw new Error(result.detail);
  return result.params;
}

describe("real Alipay notifies", () => {
  it("verifies sample 1 exactly as sent and reads it into a TradeStatus", () => {
    expect(verifyTradeNotify(notifyOf(GIALEN_BODY), GIALEN)).toEqual({
      ok: true,
      event: {
        orderNo: "GP20190927202553355190",
        state: "PAID",
        providerTradeNo: "2019092722001437710546363945",
        amountFen: 16800,
        currency: "CNY",
        paidAt: new Date("2019-09-27T12:26:00Z"),
        appId: "2018071060512903",
        merchantId: "2088031961907583",
      },
    });
  });

  it("verifies sample 2", () => {
    const result = verifyTradeNotify(notifyOf(encodeForm(YUQUE_PARAMS)), YUQUE);
    expect(result).toMatchObject({
      ok: true,
      event: { orderNo: "20190815155618536-564-57", state: "PAID", amountFen: 10 },
    });
  });

  it("still verifies with an empty field added, because Alipay does not sign empty values", () => {
    const withEmpty = `${GIALEN_BODY}&body=&out_biz_no=`;
    expect(verifyTradeNotify(notifyOf(withEmpty), GIALEN)).toMatchObject({ ok: true, event: { state: "PAID" } });
  });
});

// Which of alipay-sdk's two notify checks is right, settled on the real samples above.
describe("checkNotifySign vs checkNotifySignV2", () => {
  const sdk = sdkFor(GIALEN_KEY);

  it("V2 accepts the real notify parsed once; V1 only because no value happens to contain '%'", () => {
    expect(sdk.checkNotifySignV2(parsed(GIALEN_BODY))).toBe(true);
    expect(sdk.checkNotifySign(parsed(GIALEN_BODY))).toBe(true);
    expect(sdkFor(YUQUE_KEY).checkNotifySignV2(YUQUE_PARAMS)).toBe(true);
  });

  it("V1 cannot be fed the still-encoded values either: '+' is not turned back into a space", () => {
    const raw = Object.fromEntries(GIALEN_BODY.split("&").map((field) => field.split("=") as [string, string]));
    expect(sdk.checkNotifySign(raw)).toBe(false);
  });

  it("V1 decodes a second time, so values that legitimately contain '%' break it; V2 does not", () => {
    // passback_params must be URL-encoded by the merchant and comes back that way in the notify.
    const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const sdkForKey = sdkFor(alipay.publicKey.export({ type: "spki", format: "pem" }).toString());
    const signed = signParams(
      { ...parsed(GIALEN_BODY), passback_params: "order%3D1%26coupon%3D0" },
      "notify",
      alipay.privateKey,
    );
    expect(sdkForKey.checkNotifySignV2(signed)).toBe(true);
    expect(sdkForKey.checkNotifySign(signed)).toBe(false);
    const percent = signParams({ ...parsed(GIALEN_BODY), subject: "100% bonus" }, "notify", alipay.privateKey);
    expect(() => sdkForKey.checkNotifySign(percent)).toThrow(URIError);
  });

  it("V2 also signs empty values, which Alipay does not: our own check is needed for those", () => {
    expect(sdk.checkNotifySignV2(parsed(`${GIALEN_BODY}&body=`))).toBe(false);
  });
});

describe("rejections", () => {
  const claimed = "GP20190927202553355190";

  it("a changed amount or a changed signature is BAD_SIGNATURE, naming the claimed order", () => {
    const cheaper = GIALEN_BODY.replace("total_amount=168.00", "total_amount=1.00");
    expect(verifyTradeNotify(notifyOf(cheaper), GIALEN)).toMatchObject({
      ok: false,
      reason: "BAD_SIGNATURE",
      claimedOrderNo: claimed,
    });
    const forged = GIALEN_BODY.replace("sign=Wz0CGWCE", "sign=Wz0CGWCF");
    expect(verifyTradeNotify(notifyOf(forged), GIALEN)).toMatchObject({
      ok: false,
      reason: "BAD_SIGNATURE",
      claimedOrderNo: claimed,
    });
    const otherKey = { ...GIALEN, alipayPublicKey: YUQUE_KEY };
    expect(verifyTradeNotify(notifyOf(GIALEN_BODY), otherKey)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("a missing signature or a sign_type other than RSA2 is BAD_SIGNATURE", () => {
    const unsigned = GIALEN_BODY.replace(/&sign=[^&]*/, "");
    expect(verifyTradeNotify(notifyOf(unsigned), GIALEN)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
    const sha1 = GIALEN_BODY.replace("sign_type=RSA2", "sign_type=RSA");
    expect(verifyTradeNotify(notifyOf(sha1), GIALEN)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("a genuine notify for another app or another seller is WRONG_MERCHANT", () => {
    expect(verifyTradeNotify(notifyOf(GIALEN_BODY), { ...GIALEN, appId: "2021000000000001" })).toMatchObject({
      ok: false,
      reason: "WRONG_MERCHANT",
      claimedOrderNo: claimed,
    });
    expect(verifyTradeNotify(notifyOf(GIALEN_BODY), { ...GIALEN, sellerId: "2088000000000001" })).toMatchObject({
      ok: false,
      reason: "WRONG_MERCHANT",
    });
  });

  it("a duplicated field is MALFORMED, even when the first copy is the signed one", () => {
    expect(verifyTradeNotify(notifyOf(`${GIALEN_BODY}&total_amount=0.01`), GIALEN)).toMatchObject({
      ok: false,
      reason: "MALFORMED",
      detail: 'duplicated field "total_amount"',
      claimedOrderNo: claimed,
    });
    const twoOrders = `${GIALEN_BODY}&out_trade_no=OTHER`;
    const result = verifyTradeNotify(notifyOf(twoOrders), GIALEN);
    expect(result).toMatchObject({ ok: false, reason: "MALFORMED" });
    expect(result).not.toHaveProperty("claimedOrderNo");
  });

  it("a truncated body is never accepted", () => {
    for (let length = 0; length < GIALEN_BODY.length; length += 7) {
      const result = verifyTradeNotify(notifyOf(GIALEN_BODY.slice(0, length)), GIALEN);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(["MALFORMED", "BAD_SIGNATURE"]).toContain(result.reason);
    }
  });

  it("a huge body is MALFORMED without being parsed", () => {
    const huge = `${GIALEN_BODY}&padding=${"x".repeat(1024 * 1024)}`;
    const result = verifyTradeNotify(notifyOf(huge), GIALEN);
    expect(result).toMatchObject({ ok: false, reason: "MALFORMED" });
    expect(result).not.toHaveProperty("claimedOrderNo");
  });

  it.each([
    ["an empty body", ""],
    ["a JSON body", '{"out_trade_no":"GP1","trade_status":"TRADE_SUCCESS"}'],
    ["broken percent-encoding", "out_trade_no=GP1&subject=%E4%B8&sign=x"],
  ])("%s is MALFORMED", (_label, body) => {
    expect(verifyTradeNotify(notifyOf(body), GIALEN)).toMatchObject({ ok: false, reason: "MALFORMED" });
  });

  it("a body announced as something other than a form is MALFORMED", () => {
    const result = verifyTradeNotify(notifyOf(GIALEN_BODY, { "content-type": "application/json" }), GIALEN);
    expect(result).toMatchObject({ ok: false, reason: "MALFORMED" });
    expect(verifyTradeNotify(notifyOf(GIALEN_BODY, {}), GIALEN).ok).toBe(true);
  });

  it("never throws, whatever arrives", () => {
    const bodies = [
      "&",
      "=",
      "==",
      "%",
      "a",
      "sign",
      "sign=",
      "a=1&b",
      "\u0000=\u0000",
      "out_trade_no=" + "9".repeat(200),
    ];
    for (let seed = 1; seed < 200; seed += 1) {
      bodies.push(
        Array.from({ length: seed % 40 }, (_, i) => "a=%&+_\u00e9x1".charAt((seed * 31 + i * 7) % 12)).join(""),
      );
    }
    for (const body of bodies) {
      expect(verifyTradeNotify(notifyOf(body), GIALEN).ok).toBe(false);
      expect(verifyRefundNotify(notifyOf(body), GIALEN).ok).toBe(false);
    }
  });
});

describe("notifies signed the way Alipay signs them", () => {
  const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const identity: NotifyIdentity = {
    appId: "2021000000000001",
    sellerId: "2088000000000001",
    alipayPublicKey: alipay.publicKey,
  };
  const base = {
    notify_type: "trade_status_sync",
    app_id: identity.appId,
    seller_id: identity.sellerId,
    charset: "utf-8",
    out_trade_no: "R1",
    trade_no: "2025010122001400000000000001",
    trade_status: "TRADE_SUCCESS",
    total_amount: "0.29",
    gmt_payment: "2025-01-01 20:00:00",
  };
  const sent = (params: Record<string, string>) =>
    notifyOf(encodeForm(signParams(params, "notify", alipay.privateKey)));

  it("reads amounts exactly", () => {
    expect(verifyTradeNotify(sent(base), identity)).toMatchObject({ ok: true, event: { amountFen: 29 } });
  });

  it.each([
    ["TRADE_FINISHED", {}, "PAID"],
    ["WAIT_BUYER_PAY", { gmt_payment: "" }, "PENDING"],
    ["TRADE_CLOSED", { gmt_payment: "" }, "CLOSED"],
  ])("maps %s", (status, extra, state) => {
    expect(verifyTradeNotify(sent({ ...base, ...extra, trade_status: status }), identity)).toMatchObject({
      ok: true,
      event: { state },
    });
  });

  it.each([
    ["an amount with three decimals", { total_amount: "1.234" }],
    ["an amount in exponent form", { total_amount: "1e2" }],
    ["a negative amount", { total_amount: "-0.29" }],
    ["an unknown trade_status", { trade_status: "TRADE_PENDING" }],
    ["an impossible payment time", { gmt_payment: "2025-02-30 10:00:00" }],
    ["a non-UTF-8 charset", { charset: "gbk" }],
  ])("%s is MALFORMED even when signed", (_label, change) => {
    expect(verifyTradeNotify(sent({ ...base, ...change }), identity)).toMatchObject({
      ok: false,
      reason: "MALFORMED",
      claimedOrderNo: "R1",
    });
  });

  it("another notify_type is UNSUPPORTED_EVENT", () => {
    expect(verifyTradeNotify(sent({ ...base, notify_type: "servicemarket_order_notify" }), identity)).toMatchObject({
      ok: false,
      reason: "UNSUPPORTED_EVENT",
    });
  });

  describe("refund notifies", () => {
    const refund = {
      ...base,
      trade_status: "TRADE_CLOSED",
      out_biz_no: "RF1",
      refund_fee: "0.29",
      gmt_refund: "2025-01-02 09:30:00.123",
    };

    it("become a successful RefundStatus", () => {
      expect(verifyRefundNotify(sent(refund), identity)).toEqual({
        ok: true,
        event: { orderNo: "R1", refundNo: "RF1", state: "SUCCESS", succeededAt: new Date("2025-01-02T01:30:00.123Z") },
      });
    });

    it("are not payment notifies, and payment notifies are not refund notifies", () => {
      expect(verifyTradeNotify(sent(refund), identity)).toMatchObject({ ok: false, reason: "UNSUPPORTED_EVENT" });
      expect(verifyRefundNotify(sent(base), identity)).toMatchObject({ ok: false, reason: "UNSUPPORTED_EVENT" });
      expect(verifyRefundNotify(notifyOf(GIALEN_BODY), GIALEN)).toMatchObject({
        ok: false,
        reason: "UNSUPPORTED_EVENT",
      });
    });

    it("go through the same verification", () => {
      const body = encodeForm(signParams(refund, "notify", alipay.privateKey)).replace(
        "refund_fee=0.29",
        "refund_fee=9.99",
      );
      expect(verifyRefundNotify(notifyOf(body), identity)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
      expect(verifyRefundNotify(sent({ ...refund, seller_id: "2088000000000002" }), identity)).toMatchObject({
        ok: false,
        reason: "WRONG_MERCHANT",
      });
      expect(verifyRefundNotify(sent({ ...refund, refund_fee: "0.295" }), identity)).toMatchObject({
        ok: false,
        reason: "MALFORMED",
      });
    });
  });
});

describe("answerNotify", () => {
  it("answers exactly 'success' when handled, and 'fail' with a 4xx to a notify it does not believe", () => {
    expect(answerNotify(true)).toEqual({ status: 200, contentType: "text/plain; charset=utf-8", body: "success" });
    expect(answerNotify(false)).toEqual({ status: 400, contentType: "text/plain; charset=utf-8", body: "fail" });
  });
});
