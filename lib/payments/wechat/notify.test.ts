import { beforeAll, describe, expect, it } from "vitest";
import type { IncomingNotify, PaymentAdapter } from "@/lib/payments/types";
import { createWechatAdapter } from "./adapter";
import {
  TEST_API_V3_KEY,
  TEST_PUBLIC_KEY_ID,
  generateTestKeyPair,
  testConfig,
  type TestKeyPair,
} from "./fixtures/test-keys";
import { buildSignedNotify } from "./notify-builder";
import { apiV3KeyBytes } from "./resource";
import { signResponse } from "./sign";

const NOW = Date.UTC(2026, 0, 15, 8, 30, 0);

const paidTransaction = {
  appid: "wx8888888888888888",
  mchid: "1900000109",
  out_trade_no: "R2026011500001",
  transaction_id: "4200000848202101120290526543",
  trade_type: "NATIVE",
  trade_state: "SUCCESS",
  trade_state_desc: "支付成功",
  bank_type: "OTHERS",
  attach: "",
  success_time: "2026-01-15T16:29:00+08:00",
  payer: { openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
  amount: { total: 990, payer_total: 990, currency: "CNY", payer_currency: "CNY" },
};

const refundNotice = {
  mchid: "1900000109",
  out_trade_no: "R2026011500001",
  transaction_id: "4200000848202101120290526543",
  out_refund_no: "F2026011500001",
  refund_id: "50000000382019052709732678859",
  refund_status: "SUCCESS",
  success_time: "2026-01-15T16:29:30+08:00",
  user_received_account: "支付用户零钱",
  amount: { total: 990, refund: 500, payer_total: 990, payer_refund: 500 },
};

let merchant: TestKeyPair;
let wechat: TestKeyPair;
let adapter: PaymentAdapter;

beforeAll(() => {
  merchant = generateTestKeyPair();
  wechat = generateTestKeyPair();
  adapter = createWechatAdapter(testConfig(merchant, wechat), { now: () => NOW });
});

function paymentNotify(resource: Record<string, unknown> = paidTransaction, atMs = NOW): IncomingNotify {
  return buildSignedNotify({
    eventType: "TRANSACTION.SUCCESS",
    summary: "支付成功",
    originalType: "transaction",
    resource,
    apiV3Key: apiV3KeyBytes(TEST_API_V3_KEY),
    privateKey: wechat.privateKey,
    serial: TEST_PUBLIC_KEY_ID,
    nowMs: atMs,
  });
}

/** Signs an arbitrary body correctly, to reach the checks after the signature. */
function signedBody(body: string): IncomingNotify {
  const headers = signResponse({ body, privateKey: wechat.privateKey, serial: TEST_PUBLIC_KEY_ID, nowMs: NOW });
  return { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])), body };
}

function envelopeOf(notify: IncomingNotify): { event_type: string; resource: Record<string, string> } {
  return JSON.parse(notify.body) as { event_type: string; resource: Record<string, string> };
}

describe("verifyPaymentNotify", () => {
  it("accepts a signed, encrypted payment notify and maps it", async () => {
    expect(await adapter.verifyPaymentNotify(paymentNotify())).toEqual({
      ok: true,
      event: {
        orderNo: "R2026011500001",
        state: "PAID",
        providerTradeNo: "4200000848202101120290526543",
        amountFen: 990,
        currency: "CNY",
        paidAt: new Date("2026-01-15T08:29:00Z"),
        appId: "wx8888888888888888",
        merchantId: "1900000109",
      },
    });
  });

  it("rejects a forged signature (another key, right key id)", async () => {
    const forger = generateTestKeyPair();
    const forged = buildSignedNotify({
      eventType: "TRANSACTION.SUCCESS",
      summary: "支付成功",
      originalType: "transaction",
      resource: paidTransaction,
      apiV3Key: apiV3KeyBytes(TEST_API_V3_KEY),
      privateKey: forger.privateKey,
      serial: TEST_PUBLIC_KEY_ID,
      nowMs: NOW,
    });
    expect(await adapter.verifyPaymentNotify(forged)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("names the order of a badly signed notify whose resource opens with our APIv3 key (worth a query)", async () => {
    const forger = generateTestKeyPair();
    const common = {
      eventType: "TRANSACTION.SUCCESS",
      summary: "支付成功",
      originalType: "transaction",
      resource: paidTransaction,
    };
    const badlySigned = buildSignedNotify({
      ...common,
      apiV3Key: apiV3KeyBytes(TEST_API_V3_KEY),
      privateKey: forger.privateKey,
      serial: TEST_PUBLIC_KEY_ID,
      nowMs: NOW,
    });
    expect(await adapter.verifyPaymentNotify(badlySigned)).toMatchObject({
      ok: false,
      reason: "BAD_SIGNATURE",
      claimedOrderNo: paidTransaction.out_trade_no,
    });
    const foreignKey = buildSignedNotify({
      ...common,
      apiV3Key: Buffer.alloc(32, 9),
      privateKey: forger.privateKey,
      serial: TEST_PUBLIC_KEY_ID,
      nowMs: NOW,
    });
    const rejected = await adapter.verifyPaymentNotify(foreignKey);
    expect(rejected).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
    expect(rejected).not.toHaveProperty("claimedOrderNo");
  });

  it("rejects a body changed after signing", async () => {
    const notify = paymentNotify();
    const tampered = { ...notify, body: notify.body.replace("支付成功", "支付失败") };
    expect(await adapter.verifyPaymentNotify(tampered)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("rejects the WeChat signature probe", async () => {
    const notify = paymentNotify();
    const signature = `WECHATPAY/SIGNTEST/${notify.headers["wechatpay-signature"]}`;
    const probe = { ...notify, headers: { ...notify.headers, "wechatpay-signature": signature } };
    expect(await adapter.verifyPaymentNotify(probe)).toMatchObject({ ok: false, reason: "SIGNATURE_PROBE" });
  });

  it.each([
    ["a replay 300 s later", -300_000, "ok"],
    ["a replay 301 s later", -301_000, "STALE_TIMESTAMP"],
    ["a notify dated 300 s ahead", 300_000, "ok"],
    ["a notify dated 301 s ahead", 301_000, "STALE_TIMESTAMP"],
  ])("handles %s: %s", async (_name, offsetMs, expected) => {
    const result = await adapter.verifyPaymentNotify(paymentNotify(paidTransaction, NOW + offsetMs));
    expect(result.ok ? "ok" : result.reason).toBe(expected);
  });

  it("rejects an unknown key id", async () => {
    const notify = paymentNotify();
    const other = {
      ...notify,
      headers: { ...notify.headers, "wechatpay-serial": "PUB_KEY_ID_0000000000000000000000000000000099" },
    };
    expect(await adapter.verifyPaymentNotify(other)).toMatchObject({ ok: false, reason: "UNKNOWN_KEY" });
  });

  it.each([
    ["mchid", { mchid: "1900000999" }],
    ["appid", { appid: "wx0000000000000000" }],
  ])("rejects a trade of another %s, naming the order it claims", async (_field, patch) => {
    const result = await adapter.verifyPaymentNotify(paymentNotify({ ...paidTransaction, ...patch }));
    expect(result).toMatchObject({ ok: false, reason: "WRONG_MERCHANT", claimedOrderNo: "R2026011500001" });
  });

  it("rejects a truncated ciphertext in a correctly signed body", async () => {
    const envelope = envelopeOf(paymentNotify());
    const ciphertext = envelope.resource.ciphertext ?? "";
    const truncated = Buffer.from(ciphertext, "base64").subarray(0, -4).toString("base64");
    const body = JSON.stringify({ ...envelope, resource: { ...envelope.resource, ciphertext: truncated } });
    expect(await adapter.verifyPaymentNotify(signedBody(body))).toMatchObject({ ok: false, reason: "DECRYPT_FAILED" });
  });

  it("rejects a resource encrypted under another APIv3 key", async () => {
    const notify = buildSignedNotify({
      eventType: "TRANSACTION.SUCCESS",
      summary: "支付成功",
      originalType: "transaction",
      resource: paidTransaction,
      apiV3Key: apiV3KeyBytes("Z".repeat(32)),
      privateKey: wechat.privateKey,
      serial: TEST_PUBLIC_KEY_ID,
      nowMs: NOW,
    });
    expect(await adapter.verifyPaymentNotify(notify)).toMatchObject({ ok: false, reason: "DECRYPT_FAILED" });
  });

  it("rejects malformed JSON, signed or not", async () => {
    expect(await adapter.verifyPaymentNotify(signedBody('{"id":"x","resource":'))).toMatchObject({
      ok: false,
      reason: "MALFORMED",
    });
    expect(await adapter.verifyPaymentNotify(signedBody('{"id":"x"}'))).toMatchObject({
      ok: false,
      reason: "MALFORMED",
    });
    expect(await adapter.verifyPaymentNotify({ headers: {}, body: "{not json" })).toMatchObject({
      ok: false,
      reason: "MALFORMED",
    });
  });

  it("rejects a decrypted resource that is not a transaction", async () => {
    const result = await adapter.verifyPaymentNotify(paymentNotify({ ...paidTransaction, amount: { total: 9.9 } }));
    expect(result).toMatchObject({ ok: false, reason: "MALFORMED" });
  });

  it("rejects a huge body before doing any cryptography", async () => {
    const notify = paymentNotify();
    const started = performance.now();
    const result = await adapter.verifyPaymentNotify({
      ...notify,
      body: `${notify.body}${" ".repeat(5 * 1024 * 1024)}`,
    });
    expect(result).toMatchObject({ ok: false, reason: "MALFORMED" });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("rejects missing headers and garbage input without throwing", async () => {
    const notify = paymentNotify();
    expect(await adapter.verifyPaymentNotify({ headers: {}, body: notify.body })).toMatchObject({
      ok: false,
      reason: "MALFORMED",
    });
    const garbage = { headers: null, body: 42 } as unknown as IncomingNotify;
    expect(await adapter.verifyPaymentNotify(garbage)).toMatchObject({ ok: false, reason: "MALFORMED" });
    const oddHeaders = {
      headers: { "wechatpay-signature": ["a", "b"] },
      body: notify.body,
    } as unknown as IncomingNotify;
    expect(await adapter.verifyPaymentNotify(oddHeaders)).toMatchObject({ ok: false });
  });

  it("rejects a refund notify as an unsupported payment event", async () => {
    const refund = buildSignedNotify({
      eventType: "REFUND.SUCCESS",
      summary: "退款成功",
      originalType: "refund",
      resource: refundNotice,
      apiV3Key: apiV3KeyBytes(TEST_API_V3_KEY),
      privateKey: wechat.privateKey,
      serial: TEST_PUBLIC_KEY_ID,
      nowMs: NOW,
    });
    expect(await adapter.verifyPaymentNotify(refund)).toMatchObject({ ok: false, reason: "UNSUPPORTED_EVENT" });
    expect(await adapter.verifyRefundNotify(paymentNotify())).toMatchObject({ ok: false, reason: "UNSUPPORTED_EVENT" });
  });
});

describe("verifyRefundNotify", () => {
  function refundNotify(resource: Record<string, unknown>, eventType = "REFUND.SUCCESS"): IncomingNotify {
    return buildSignedNotify({
      eventType,
      summary: "退款",
      originalType: "refund",
      resource,
      apiV3Key: apiV3KeyBytes(TEST_API_V3_KEY),
      privateKey: wechat.privateKey,
      serial: TEST_PUBLIC_KEY_ID,
      nowMs: NOW,
    });
  }

  it("accepts and maps a refund notify", async () => {
    expect(await adapter.verifyRefundNotify(refundNotify(refundNotice))).toEqual({
      ok: true,
      event: {
        orderNo: "R2026011500001",
        refundNo: "F2026011500001",
        state: "SUCCESS",
        providerRefundId: "50000000382019052709732678859",
        refundFen: 500,
        succeededAt: new Date("2026-01-15T08:29:30Z"),
      },
    });
  });

  it("maps ABNORMAL to FAILED and tolerates a missing amount", async () => {
    const { amount: _amount, ...withoutAmount } = refundNotice;
    const result = await adapter.verifyRefundNotify(
      refundNotify({ ...withoutAmount, refund_status: "ABNORMAL", success_time: "" }, "REFUND.ABNORMAL"),
    );
    expect(result).toMatchObject({
      ok: true,
      event: { state: "FAILED", refundFen: undefined, succeededAt: undefined },
    });
  });

  it("rejects a refund of another merchant", async () => {
    const result = await adapter.verifyRefundNotify(refundNotify({ ...refundNotice, mchid: "1900000999" }));
    expect(result).toMatchObject({ ok: false, reason: "WRONG_MERCHANT", claimedOrderNo: "R2026011500001" });
  });
});

describe("answerNotify", () => {
  it("answers success with an empty 200 and an unbelieved notify with WeChat's FAIL JSON on 400", () => {
    expect(adapter.answerNotify(true)).toMatchObject({ status: 200, body: "" });
    const failure = adapter.answerNotify(false);
    expect(failure.status).toBe(400);
    expect(failure.contentType).toContain("application/json");
    expect(JSON.parse(failure.body)).toMatchObject({ code: "FAIL", message: expect.any(String) });
  });
});
