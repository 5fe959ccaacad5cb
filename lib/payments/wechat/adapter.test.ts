import { createPrivateKey, verify } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ProviderError,
  type AdapterDeps,
  type CreatePaymentInput,
  type ProviderCallRecord,
} from "@/lib/payments/types";
import { createWechatAdapter } from "./adapter";
import { startFakeGateway, type CapturedRequest, type FakeAnswer, type FakeGateway } from "./fixtures/fake-gateway";
import { goPlatformCertificatePem, goTestPrivateKeyPem } from "./fixtures/public-samples";
import {
  TEST_API_V3_KEY,
  TEST_PUBLIC_KEY_ID,
  generateTestKeyPair,
  testConfig,
  type TestKeyPair,
} from "./fixtures/test-keys";
import { parseAuthorization } from "./sign";
import { verifyAuthorization } from "./verify";

const NOW = Date.UTC(2026, 0, 15, 8, 30, 0);
const PREFIX = "/sandbox/wechat";
const ORDER_NO = "R2026011500001";

const paymentInput: CreatePaymentInput = {
  orderNo: ORDER_NO,
  amountFen: 990,
  description: "330 credits",
  expiresAt: new Date(NOW + 15 * 60_000),
  notifyUrl: "https://shop.example/api/pay/wechat/notify",
  returnUrl: "https://shop.example/orders/R2026011500001",
  clientIp: "203.0.113.7",
};

const paidTransaction = {
  appid: "wx8888888888888888",
  mchid: "1900000109",
  out_trade_no: ORDER_NO,
  transaction_id: "4200000848202101120290526543",
  trade_type: "NATIVE",
  trade_state: "SUCCESS",
  success_time: "2026-01-15T16:29:00+08:00",
  amount: { total: 990, payer_total: 990, currency: "CNY", payer_currency: "CNY" },
};

let merchant: TestKeyPair;
let wechat: TestKeyPair;
let gateway: FakeGateway;
let records: ProviderCallRecord[];

function adapterWith(deps: AdapterDeps = {}, overrides = {}) {
  return createWechatAdapter(testConfig(merchant, wechat, { gatewayBaseUrl: gateway.baseUrl, ...overrides }), {
    now: () => NOW,
    recordCall: (record) => {
      records.push(record);
    },
    ...deps,
  });
}

function answer(fixed: FakeAnswer) {
  gateway.answer = () => fixed;
}

function json(status: number, body: unknown, extra: Partial<FakeAnswer> = {}): FakeAnswer {
  return { status, body: JSON.stringify(body), ...extra };
}

function lastRequest(): CapturedRequest {
  const request = gateway.requests.at(-1);
  if (!request) throw new Error("no request reached the gateway");
  return request;
}

/** Checks the request the way our sandbox will: merchant public key, path as received. */
function expectSignedByMerchant(request: CapturedRequest) {
  const result = verifyAuthorization({
    authorization: request.headers.authorization,
    method: request.method,
    pathWithQuery: request.url,
    body: request.body,
    nowMs: NOW,
    resolveMerchantKey: (mchId, serialNo) =>
      mchId === "1900000109" && serialNo === "5F1C72E2A8931B72A2E13AF8DEE92471EB397115"
        ? merchant.publicKey
        : undefined,
  });
  expect(result).toMatchObject({ ok: true });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  merchant = generateTestKeyPair();
  wechat = generateTestKeyPair();
  gateway = await startFakeGateway({
    privateKey: wechat.privateKey,
    serial: TEST_PUBLIC_KEY_ID,
    nowMs: () => NOW,
    prefix: PREFIX,
  });
});

afterAll(async () => {
  await gateway.close();
});

afterEach(() => {
  gateway.requests.length = 0;
  records = [];
});
records = [];

describe("createQrPayment", () => {
  it("sends a signed Native order to the configured gateway and returns code_url", async () => {
    answer(json(200, { code_url: "weixin://wxpay/bizpayurl?pr=p4lpSuKzz" }));
    expect(await adapterWith().createQrPayment(paymentInput)).toEqual({
      codeUrl: "weixin://wxpay/bizpayurl?pr=p4lpSuKzz",
    });

    const request = lastRequest();
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`${PREFIX}/v3/pay/transactions/native`);
    expect(request.headers["wechatpay-serial"]).toBe(TEST_PUBLIC_KEY_ID);
    expect(JSON.parse(request.body)).toEqual({
      appid: "wx8888888888888888",
      mchid: "1900000109",
      description: "330 credits",
      out_trade_no: ORDER_NO,
      time_expire: "2026-01-15T16:45:00+08:00",
      notify_url: "https://shop.example/api/pay/wechat/notify",
      amount: { total: 990, currency: "CNY" },
    });

    // Independent check with bare node:crypto: the signature covers METHOD, path, time, nonce, body.
    const auth = parseAuthorization(String(request.headers.authorization));
    expect(auth).toMatchObject({ mchId: "1900000109", timestamp: String(NOW / 1000) });
    expect(auth?.nonce).toMatch(/^[0-9A-F]{32}$/);
    const message = `POST\n${request.url}\n${auth?.timestamp}\n${auth?.nonce}\n${request.body}\n`;
    expect(
      verify("RSA-SHA256", Buffer.from(message), merchant.publicKey, Buffer.from(auth?.signature ?? "", "base64")),
    ).toBe(true);
  });

  it("records the call as a summary without keys or signatures", async () => {
    answer(json(200, { code_url: "weixin://wxpay/bizpayurl?pr=p4lpSuKzz" }));
    await adapterWith().createQrPayment(paymentInput);
    expect(records).toEqual([
      expect.objectContaining({
        provider: "WECHAT",
        operation: "create_qr",
        orderNo: ORDER_NO,
        request: expect.objectContaining({ orderNo: ORDER_NO, amountFen: 990 }),
        response: { code_url: "weixin://wxpay/bizpayurl?pr=p4lpSuKzz" },
        httpStatus: 200,
        outcome: "ok",
      }),
    ]);
    const recorded = JSON.stringify(records);
    for (const secret of [
      "PRIVATE KEY",
      TEST_API_V3_KEY,
      "WECHATPAY2-SHA256",
      String(lastRequest().headers.authorization),
    ]) {
      expect(recorded).not.toContain(secret);
    }
  });

  it("refuses invalid input before calling the provider", async () => {
    const adapter = adapterWith();
    await expect(adapter.createQrPayment({ ...paymentInput, amountFen: 0 })).rejects.toThrow(RangeError);
    await expect(adapter.createQrPayment({ ...paymentInput, amountFen: 9.9 })).rejects.toThrow(RangeError);
    await expect(adapter.createQrPayment({ ...paymentInput, orderNo: "../../v3/refund" })).rejects.toThrow(RangeError);
    await expect(adapter.queryPayment("R1/close")).rejects.toThrow(RangeError);
    expect(gateway.requests).toHaveLength(0);
  });
});

describe("createH5Payment", () => {
  it("sends scene_info and appends the return URL as redirect_url", async () => {
    answer(json(200, { h5_url: "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=2" }));
    const { url } = await adapterWith().createH5Payment(paymentInput);
    const redirect = encodeURIComponent(paymentInput.returnUrl ?? "");
    expect(url).toBe(
      `https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=2&redirect_url=${redirect}`,
    );
    const request = lastRequest();
    expect(request.url).toBe(`${PREFIX}/v3/pay/transactions/h5`);
    expect(JSON.parse(request.body)).toMatchObject({
      scene_info: { payer_client_ip: "203.0.113.7", h5_info: { type: "Wap" } },
    });
    expectSignedByMerchant(request);
  });

  it("requires the payer's IP", async () => {
    await expect(adapterWith().createH5Payment({ ...paymentInput, clientIp: undefined })).rejects.toThrow(/clientIp/);
  });
});

describe("queryPayment", () => {
  it("queries by out-trade-no with mchid and maps a paid trade", async () => {
    answer(json(200, paidTransaction));
    expect(await adapterWith().queryPayment(ORDER_NO)).toEqual({
      orderNo: ORDER_NO,
      state: "PAID",
      providerTradeNo: "4200000848202101120290526543",
      amountFen: 990,
      currency: "CNY",
      paidAt: new Date("2026-01-15T08:29:00Z"),
      appId: "wx8888888888888888",
      merchantId: "1900000109",
    });
    const request = lastRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`${PREFIX}/v3/pay/transactions/out-trade-no/${ORDER_NO}?mchid=1900000109`);
    expect(request.body).toBe("");
    expectSignedByMerchant(request);
  });

  it.each([
    ["NOTPAY", "PENDING"],
    ["USERPAYING", "PENDING"],
    ["CLOSED", "CLOSED"],
    ["REVOKED", "CLOSED"],
    ["PAYERROR", "CLOSED"],
    ["REFUND", "REFUNDED"],
  ])("maps trade_state %s to %s", async (tradeState, state) => {
    const { transaction_id: _id, success_time: _time, ...unpaid } = paidTransaction;
    answer(json(200, { ...unpaid, trade_state: tradeState, amount: { total: 990, payer_currency: "CNY" } }));
    const status = await adapterWith().queryPayment(ORDER_NO);
    expect(status.state).toBe(state);
    expect(status.amountFen).toBe(state === "REFUNDED" ? 990 : undefined);
  });

  it("answers NOT_FOUND for a signed 404 ORDER_NOT_EXIST", async () => {
    answer(json(404, { code: "ORDER_NOT_EXIST", message: "订单不存在" }));
    expect(await adapterWith().queryPayment(ORDER_NO)).toEqual({ orderNo: ORDER_NO, state: "NOT_FOUND" });
    expect(records[0]).toMatchObject({ outcome: "ok", httpStatus: 404, response: { code: "ORDER_NOT_EXIST" } });
  });

  it("does not believe an unsigned ORDER_NOT_EXIST", async () => {
    answer(json(404, { code: "ORDER_NOT_EXIST", message: "订单不存在" }, { signing: "none" }));
    expect(await rejection(adapterWith().queryPayment(ORDER_NO))).toMatchObject({ kind: "BAD_RESPONSE_SIGNATURE" });
  });

  it("refuses an answer about another order", async () => {
    answer(json(200, { ...paidTransaction, out_trade_no: "R2026011500002" }));
    expect(await rejection(adapterWith().queryPayment(ORDER_NO))).toMatchObject({ kind: "INVALID_RESPONSE" });
  });

  it("works in platform-certificate mode (wechatpay-go test certificate and key)", async () => {
    const certified = await startFakeGateway({
      privateKey: createPrivateKey(goTestPrivateKeyPem),
      serial: "D7CE59D1F522D701",
      nowMs: () => NOW,
    });
    try {
      certified.answer = () => json(200, paidTransaction);
      const adapter = adapterWith(
        {},
        {
          gatewayBaseUrl: certified.baseUrl,
          wechatPayPublicKeyId: undefined,
          wechatPayPublicKeyPem: undefined,
          platformCertificates: [{ serialNo: "D7CE59D1F522D701", pem: goPlatformCertificatePem }],
        },
      );
      expect(await adapter.queryPayment(ORDER_NO)).toMatchObject({ state: "PAID" });
      expect(certified.requests[0]?.headers["wechatpay-serial"]).toBeUndefined();
    } finally {
      await certified.close();
    }
  });
});

describe("closePayment", () => {
  it("posts mchid to .../close and accepts a signed 204", async () => {
    answer({ status: 204 });
    await expect(adapterWith().closePayment(ORDER_NO)).resolves.toBeUndefined();
    const request = lastRequest();
    expect(request.url).toBe(`${PREFIX}/v3/pay/transactions/out-trade-no/${ORDER_NO}/close`);
    expect(JSON.parse(request.body)).toEqual({ mchid: "1900000109" });
    expectSignedByMerchant(request);
  });

  it("turns WeChat's error JSON into REJECTED with the provider code", async () => {
    answer(json(400, { code: "ORDERPAID", message: "订单已支付" }));
    const error = await rejection(adapterWith().closePayment(ORDER_NO));
    expect(error).toMatchObject({
      kind: "REJECTED",
      providerCode: "ORDERPAID",
      httpStatus: 400,
      message: "订单已支付",
    });
    expect(records[0]).toMatchObject({ outcome: "provider_error", response: { code: "ORDERPAID" }, httpStatus: 400 });
  });
});

describe("refund and queryRefund", () => {
  const refundAnswer = {
    refund_id: "50000000382019052709732678859",
    out_refund_no: "F2026011500001",
    transaction_id: "4200000848202101120290526543",
    out_trade_no: ORDER_NO,
    channel: "ORIGINAL",
    user_received_account: "支付用户零钱",
    create_time: "2026-01-15T16:40:00+08:00",
    status: "PROCESSING",
    amount: { total: 990, refund: 500, payer_total: 990, payer_refund: 500, currency: "CNY" },
  };
  const refundInput = {
    orderNo: ORDER_NO,
    refundNo: "F2026011500001",
    refundFen: 500,
    totalFen: 990,
    reason: "客户申请退款".repeat(20),
    notifyUrl: "https://shop.example/api/pay/wechat/refund-notify",
  };

  it("posts the refund and maps the answer", async () => {
    answer(json(200, refundAnswer));
    expect(await adapterWith().refund(refundInput)).toEqual({
      orderNo: ORDER_NO,
      refundNo: "F2026011500001",
      state: "PROCESSING",
      providerRefundId: "50000000382019052709732678859",
      refundFen: 500,
      succeededAt: undefined,
    });
    const request = lastRequest();
    expect(request.url).toBe(`${PREFIX}/v3/refund/domestic/refunds`);
    const body = JSON.parse(request.body) as { reason: string };
    expect(body).toMatchObject({
      out_trade_no: ORDER_NO,
      out_refund_no: "F2026011500001",
      amount: { refund: 500, total: 990, currency: "CNY" },
    });
    expect(Array.from(body.reason)).toHaveLength(80);
    expectSignedByMerchant(request);
  });

  it("refuses a refund larger than the order", async () => {
    await expect(adapterWith().refund({ ...refundInput, refundFen: 991 })).rejects.toThrow(RangeError);
  });

  it("queries a refund by out_refund_no", async () => {
    answer(json(200, { ...refundAnswer, status: "SUCCESS", success_time: "2026-01-15T16:41:00+08:00" }));
    expect(await adapterWith().queryRefund(ORDER_NO, "F2026011500001")).toMatchObject({
      state: "SUCCESS",
      succeededAt: new Date("2026-01-15T08:41:00Z"),
    });
    expect(lastRequest()).toMatchObject({ method: "GET", url: `${PREFIX}/v3/refund/domestic/refunds/F2026011500001` });
  });

  it("refuses a refund answer about another order", async () => {
    answer(json(200, { ...refundAnswer, out_trade_no: "R2026011500002" }));
    expect(await rejection(adapterWith().queryRefund(ORDER_NO, "F2026011500001"))).toMatchObject({
      kind: "INVALID_RESPONSE",
    });
  });
});

describe("response verification", () => {
  const body = { code_url: "weixin://wxpay/bizpayurl?pr=p4lpSuKzz" };

  it.each<[string, Partial<FakeAnswer>]>([
    ["unsigned", { signing: "none" }],
    [
      "tampered after signing",
      { signing: "tampered", body: JSON.stringify({ code_url: "weixin://wxpay/bizpayurl?pr=1" }) },
    ],
    ["signed 301 s ago", { signedAtMs: NOW - 301_000 }],
    ["signed under an unknown key id", { serial: "PUB_KEY_ID_0000000000000000000000000000000099" }],
  ])("rejects a 200 answer that is %s", async (_name, patch) => {
    answer({ ...json(200, body), ...patch });
    const error = await rejection(adapterWith().createQrPayment(paymentInput));
    expect(error.kind).toBe("BAD_RESPONSE_SIGNATURE");
    expect(records[0]).toMatchObject({ outcome: "bad_response_signature" });
  });

  it("rejects a 200 answer signed by another key", async () => {
    answer({ ...json(200, body), privateKey: generateTestKeyPair().privateKey });
    expect(await rejection(adapterWith().createQrPayment(paymentInput))).toMatchObject({
      kind: "BAD_RESPONSE_SIGNATURE",
    });
  });

  it("rejects an error answer whose signature does not verify", async () => {
    answer(json(400, { code: "PARAM_ERROR", message: "参数错误" }, { signing: "tampered" }));
    expect(await rejection(adapterWith().createQrPayment(paymentInput))).toMatchObject({
      kind: "BAD_RESPONSE_SIGNATURE",
    });
  });

  it("reports unsigned 4xx as REJECTED and 5xx as SYSTEM_ERROR (outcome unknown)", async () => {
    answer(json(401, { code: "SIGN_ERROR", message: "签名错误" }, { signing: "none" }));
    const signError = await rejection(adapterWith().createQrPayment(paymentInput));
    expect(signError).toMatchObject({ kind: "REJECTED", providerCode: "SIGN_ERROR", httpStatus: 401 });
    answer({ status: 502, body: "<html>Bad Gateway</html>", signing: "none" });
    const badGateway = await rejection(adapterWith().createQrPayment(paymentInput));
    expect(badGateway).toMatchObject({ kind: "SYSTEM_ERROR", providerCode: undefined, message: "HTTP 502" });
    answer(json(500, { code: "SYSTEM_ERROR", message: "系统错误" }));
    expect(await rejection(adapterWith().createQrPayment(paymentInput))).toMatchObject({
      kind: "SYSTEM_ERROR",
      providerCode: "SYSTEM_ERROR",
    });
  });

  it("rejects a signed 200 that lacks the expected field", async () => {
    answer(json(200, { prepay_id: "wx1" }));
    expect(await rejection(adapterWith().createQrPayment(paymentInput))).toMatchObject({ kind: "INVALID_RESPONSE" });
  });

  it("refuses an oversized answer", async () => {
    answer({ status: 200, body: `{"code_url":"${"x".repeat(2 * 1024 * 1024)}"}` });
    expect(await rejection(adapterWith().createQrPayment(paymentInput))).toMatchObject({ kind: "INVALID_RESPONSE" });
  });
});

describe("transport failures", () => {
  it("times out with TIMEOUT and records it", async () => {
    answer({ ...json(200, { code_url: "weixin://late" }), delayMs: 1_000 });
    const started = performance.now();
    const error = await rejection(adapterWith({ timeoutMs: 100 }).createQrPayment(paymentInput));
    expect(error.kind).toBe("TIMEOUT");
    expect(performance.now() - started).toBeLessThan(900);
    expect(records[0]).toMatchObject({ outcome: "timeout", operation: "create_qr" });
  });

  it("reports an unreachable gateway as NETWORK", async () => {
    const closed = await startFakeGateway({
      privateKey: wechat.privateKey,
      serial: TEST_PUBLIC_KEY_ID,
      nowMs: () => NOW,
    });
    await closed.close();
    const error = await rejection(adapterWith({}, { gatewayBaseUrl: closed.baseUrl }).queryPayment(ORDER_NO));
    expect(error.kind).toBe("NETWORK");
    expect(records[0]).toMatchObject({ outcome: "network_error" });
  });

  it("keeps the payment result when recording fails", async () => {
    answer(json(200, paidTransaction));
    const adapter = adapterWith({ recordCall: () => Promise.reject(new Error("db down")) });
    expect(await adapter.queryPayment(ORDER_NO)).toMatchObject({ state: "PAID" });
  });
});

describe("configuration", () => {
  it.each([
    ["a 31-byte APIv3 key", { apiV3Key: "x".repeat(31) }, /apiV3Key/],
    ["a non-http gateway", { gatewayBaseUrl: "ftp://api.mch.weixin.qq.com" }, /gatewayBaseUrl/],
    ["a gateway URL with a query", { gatewayBaseUrl: "https://api.mch.weixin.qq.com/?x=1" }, /gatewayBaseUrl/],
    [
      "no way to verify WeChat",
      { wechatPayPublicKeyId: undefined, wechatPayPublicKeyPem: undefined },
      /platform certificate/,
    ],
    [
      "a broken merchant key",
      { merchantPrivateKeyPem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
      /merchantPrivate/,
    ],
  ])("refuses %s", (_name, overrides, message) => {
    expect(() => createWechatAdapter(testConfig(merchant, wechat, overrides))).toThrow(message);
  });

  it("names fields, not values, in config errors", () => {
    let message = "";
    try {
      createWechatAdapter(testConfig(merchant, wechat, { appId: "", apiV3Key: "short-secret" }));
    } catch (error) {
      message = error instanceof Error ? error.message : "";
    }
    expect(message).toContain("appId");
    expect(message).not.toContain("short-secret");
  });
});
