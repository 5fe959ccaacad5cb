/**
 * The WeChat sandbox gateway over real HTTP, driven by the real merchant adapter: what the app
 * will meet, end to end, when a sandbox config is its WeChat Pay.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createAdapter } from "@/lib/payments/registry";
import { ProviderError, type CreatePaymentInput } from "@/lib/payments/types";
import { createKeyRing, loadRsaPrivateKey, signRequest, verifySignedMessage } from "@/lib/payments/wechat";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";
import { findTradeById, payTrade, TradeRefused } from "@/lib/sandbox/trades";
import {
  GATEWAY_PREFIX,
  provisionWechatMerchant,
  startSandboxGateway,
  type LocalServer,
  type SandboxMerchantUnderTest,
} from "./fixtures/harness";

// Nothing dispatches notifies in this file; the URL is loopback anyway.
const NOTIFY_URL = "http://127.0.0.1:9/api/notify/wechat";

let gateway: LocalServer;
let merchant: SandboxMerchantUnderTest;

beforeAll(async () => {
  gateway = await startSandboxGateway();
  merchant = await provisionWechatMerchant(gateway.origin);
});

afterAll(async () => {
  await gateway?.close();
});

afterEach(async () => {
  await clearFaults();
});

function newOrderNo(): string {
  return `R${randomBytes(8).toString("hex")}`;
}

function order(orderNo: string, amountFen = 990, expiresAt = new Date(Date.now() + 15 * 60_000)): CreatePaymentInput {
  return {
    orderNo,
    amountFen,
    description: "330 credits",
    expiresAt,
    notifyUrl: NOTIFY_URL,
    returnUrl: "https://shop.example/orders/back",
    clientIp: "203.0.113.7",
  };
}

/** The sandbox trade id behind a code_url / h5_url (the phone page). */
function tradeIdOf(url: string): string {
  const page = `${env().APP_URL}/sandbox/pay/`;
  expect(url.startsWith(page)).toBe(true);
  return new URL(url).pathname.split("/").at(-1) ?? "";
}

async function paidOrder(amountFen = 990): Promise<{ orderNo: string; tradeId: string }> {
  const orderNo = newOrderNo();
  const { codeUrl } = await merchant.adapter.createQrPayment(order(orderNo, amountFen));
  const tradeId = tradeIdOf(codeUrl);
  await payTrade(tradeId);
  return { orderNo, tradeId };
}

function rejection(error: unknown) {
  expect(error).toBeInstanceOf(ProviderError);
  const { kind, providerCode, httpStatus } = error as ProviderError;
  return { kind, providerCode, httpStatus };
}

async function caught(promise: Promise<unknown>) {
  return rejection(
    await promise.then(
      () => undefined,
      (error: unknown) => error,
    ),
  );
}

describe("orders through the real adapter", () => {
  it("creates a Native order whose code_url is the phone page, again on a repeat, refused with another amount", async () => {
    const orderNo = newOrderNo();
    const { codeUrl } = await merchant.adapter.createQrPayment(order(orderNo));
    const trade = await findTradeById(tradeIdOf(codeUrl));
    expect(trade).toMatchObject({
      outTradeNo: orderNo,
      amountFen: 990,
      description: "330 credits",
      notifyUrl: NOTIFY_URL,
    });

    expect((await merchant.adapter.createQrPayment(order(orderNo))).codeUrl).toBe(codeUrl);
    expect(await caught(merchant.adapter.createQrPayment(order(orderNo, 991)))).toEqual({
      kind: "REJECTED",
      providerCode: "OUT_TRADE_NO_USED",
      httpStatus: 403,
    });
    expect(await merchant.adapter.queryPayment(orderNo)).toMatchObject({
      orderNo,
      state: "PENDING",
      appId: merchant.config.appId,
      merchantId: merchant.config.merchantId,
    });
  });

  it("creates an H5 order: h5_url is the phone page, the return URL stays with the merchant", async () => {
    const orderNo = newOrderNo();
    const { url } = await merchant.adapter.createH5Payment(order(orderNo));
    const trade = await findTradeById(tradeIdOf(url));
    expect(new URL(url).searchParams.get("redirect_url")).toBe("https://shop.example/orders/back");
    expect(trade?.returnUrl).toBeNull();
  });

  it("reports a paid trade with its amount and ids, and refuses to close or re-create it (ORDERPAID)", async () => {
    const { orderNo, tradeId } = await paidOrder(990);
    const trade = await findTradeById(tradeId);
    const status = await merchant.adapter.queryPayment(orderNo);
    expect(status).toEqual({
      orderNo,
      state: "PAID",
      providerTradeNo: trade?.providerTradeNo,
      amountFen: 990,
      currency: "CNY",
      paidAt: new Date(Math.floor((trade?.paidAt?.getTime() ?? 0) / 1000) * 1000),
      appId: merchant.config.appId,
      merchantId: merchant.config.merchantId,
    });
    expect(await caught(merchant.adapter.closePayment(orderNo))).toEqual({
      kind: "REJECTED",
      providerCode: "ORDERPAID",
      httpStatus: 400,
    });
    expect(await caught(merchant.adapter.createQrPayment(order(orderNo)))).toMatchObject({ providerCode: "ORDERPAID" });
  });

  it("closes an unpaid order (twice is fine); the payer can no longer pay it, nor can it be re-created", async () => {
    const orderNo = newOrderNo();
    const { codeUrl } = await merchant.adapter.createQrPayment(order(orderNo));
    await merchant.adapter.closePayment(orderNo);
    await merchant.adapter.closePayment(orderNo);
    expect(await merchant.adapter.queryPayment(orderNo)).toMatchObject({ state: "CLOSED" });
    await expect(payTrade(tradeIdOf(codeUrl))).rejects.toEqual(new TradeRefused("TRADE_CLOSED"));
    expect(await caught(merchant.adapter.createQrPayment(order(orderNo)))).toEqual({
      kind: "REJECTED",
      providerCode: "ORDER_CLOSED",
      httpStatus: 400,
    });
  });

  it("keeps an unpaid order past its expiry NOTPAY until it is closed, as WeChat does", async () => {
    const orderNo = newOrderNo();
    await merchant.adapter.createQrPayment(order(orderNo, 990, new Date(Date.now() - 60_000)));
    expect(await merchant.adapter.queryPayment(orderNo)).toMatchObject({ state: "PENDING" });
  });

  it("answers a signed 404 ORDER_NOT_EXIST for an order it never saw", async () => {
    const orderNo = newOrderNo();
    expect(await merchant.adapter.queryPayment(orderNo)).toEqual({ orderNo, state: "NOT_FOUND" });
    expect(await caught(merchant.adapter.closePayment(orderNo))).toEqual({
      kind: "REJECTED",
      providerCode: "ORDER_NOT_EXIST",
      httpStatus: 404,
    });
  });

  it("reports one fen more while the wrongAmount fault is on", async () => {
    const { orderNo } = await paidOrder(500);
    await setFaults(`trade:${orderNo}`, { wrongAmount: true });
    expect(await merchant.adapter.queryPayment(orderNo)).toMatchObject({ state: "PAID", amountFen: 501 });
  });
});

describe("refunds through the real adapter", () => {
  const refund = (orderNo: string, refundNo: string, refundFen: number, totalFen = 1000) =>
    merchant.adapter.refund({
      orderNo,
      refundNo,
      refundFen,
      totalFen,
      reason: "customer asked",
      notifyUrl: NOTIFY_URL,
    });

  it("refunds part, then the rest; idempotent on the refund number; never beyond what was paid", async () => {
    const { orderNo } = await paidOrder(1000);
    const first = await refund(orderNo, `${orderNo}-1`, 300);
    expect(first).toMatchObject({ orderNo, refundNo: `${orderNo}-1`, state: "SUCCESS", refundFen: 300 });
    expect(first.providerRefundId).toBeTruthy();
    expect(first.succeededAt).toBeInstanceOf(Date);

    expect(await refund(orderNo, `${orderNo}-1`, 300)).toEqual(first);
    expect(await caught(refund(orderNo, `${orderNo}-1`, 301))).toEqual({
      kind: "REJECTED",
      providerCode: "INVALID_REQUEST",
      httpStatus: 400,
    });
    expect(await caught(refund(orderNo, `${orderNo}-2`, 701))).toEqual({
      kind: "REJECTED",
      providerCode: "INVALID_REQUEST",
      httpStatus: 400,
    });
    // Any refund turns the trade to REFUND at WeChat.
    expect(await merchant.adapter.queryPayment(orderNo)).toMatchObject({ state: "REFUNDED", amountFen: 1000 });

    expect(await refund(orderNo, `${orderNo}-2`, 700)).toMatchObject({ state: "SUCCESS", refundFen: 700 });
    expect(await caught(refund(orderNo, `${orderNo}-3`, 1))).toMatchObject({ providerCode: "INVALID_REQUEST" });
    expect(await merchant.adapter.queryRefund(orderNo, `${orderNo}-1`)).toEqual(first);
  });

  it("refuses a refund that names the wrong total, an unpaid order or an unknown one", async () => {
    const { orderNo } = await paidOrder(1000);
    expect(await caught(refund(orderNo, `${orderNo}-1`, 100, 999))).toMatchObject({ providerCode: "INVALID_REQUEST" });

    const unpaid = newOrderNo();
    await merchant.adapter.createQrPayment(order(unpaid, 1000));
    expect(await caught(refund(unpaid, `${unpaid}-1`, 100))).toEqual({
      kind: "REJECTED",
      providerCode: "INVALID_REQUEST",
      httpStatus: 400,
    });

    const unknown = newOrderNo();
    expect(await caught(refund(unknown, `${unknown}-1`, 100))).toEqual({
      kind: "REJECTED",
      providerCode: "RESOURCE_NOT_EXISTS",
      httpStatus: 404,
    });
    expect(await caught(merchant.adapter.queryRefund(unknown, `${unknown}-1`))).toEqual({
      kind: "REJECTED",
      providerCode: "RESOURCE_NOT_EXISTS",
      httpStatus: 404,
    });
  });
});

describe("gateway rejections", () => {
  interface RawCall {
    method: "GET" | "POST";
    /** After the mount prefix. */
    path: string;
    body?: string;
    /** Sent instead of the signed body. */
    sentBody?: string;
    mchId?: string;
    nowMs?: number;
    authorization?: string | null;
  }

  /** A request signed by hand, so each part of it can be wrong on purpose. */
  async function rawCall(call: RawCall) {
    const body = call.body ?? "";
    const authorization =
      call.authorization === undefined
        ? signRequest({
            method: call.method,
            pathWithQuery: `${GATEWAY_PREFIX}${call.path}`,
            body,
            mchId: call.mchId ?? merchant.config.merchantId,
            serialNo: merchant.config.merchantSerialNo ?? "",
            privateKey: loadRsaPrivateKey(merchant.secrets.merchantPrivateKeyPem, "merchant key"),
            nowMs: call.nowMs ?? Date.now(),
          })
        : call.authorization;
    const response = await fetch(`${gateway.origin}${GATEWAY_PREFIX}${call.path}`, {
      method: call.method,
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        ...(authorization === null ? {} : { Authorization: authorization }),
      },
      body: call.method === "POST" ? (call.sentBody ?? body) : undefined,
    });
    const text = await response.text();
    const headers = Object.fromEntries(response.headers);
    const keys = createKeyRing({
      wechatPayPublicKeyId: merchant.config.providerKeyId ?? undefined,
      wechatPayPublicKeyPem: merchant.secrets.wechatPayPublicKeyPem,
    });
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      signed: "wechatpay-signature" in headers,
      verifies: verifySignedMessage({ headers, body: text, keys, nowMs: Date.now() }).ok,
    };
  }

  const queryPath = (orderNo: string) =>
    `/v3/pay/transactions/out-trade-no/${orderNo}?mchid=${merchant.config.merchantId}`;

  function nativeBody(overrides: Record<string, unknown> = {}): string {
    return JSON.stringify({
      appid: merchant.config.appId,
      mchid: merchant.config.merchantId,
      description: "330 credits",
      out_trade_no: newOrderNo(),
      time_expire: "2099-01-01T00:00:00+08:00",
      notify_url: NOTIFY_URL,
      amount: { total: 990, currency: "CNY" },
      ...overrides,
    });
  }

  it("accepts a well-signed request made by hand (the control for the cases below)", async () => {
    expect(await rawCall({ method: "GET", path: queryPath(newOrderNo()) })).toMatchObject({
      status: 404,
      body: { code: "ORDER_NOT_EXIST" },
      verifies: true,
    });
    expect(await rawCall({ method: "POST", path: "/v3/pay/transactions/native", body: nativeBody() })).toMatchObject({
      status: 200,
      verifies: true,
    });
  });

  it("answers 401 SIGN_ERROR, signed, to a tampered body or a timestamp 6 minutes off", async () => {
    const tampered = await rawCall({
      method: "POST",
      path: "/v3/pay/transactions/native",
      body: nativeBody(),
      sentBody: nativeBody({ amount: { total: 1, currency: "CNY" } }),
    });
    expect(tampered).toMatchObject({ status: 401, body: { code: "SIGN_ERROR" }, verifies: true });
    for (const offsetMs of [-6 * 60_000, 6 * 60_000]) {
      const stale = await rawCall({ method: "GET", path: queryPath(newOrderNo()), nowMs: Date.now() + offsetMs });
      expect(stale).toMatchObject({ status: 401, body: { code: "SIGN_ERROR" }, verifies: true });
    }
  });

  it("answers 401 SIGN_ERROR, unsigned, when it cannot tell which merchant is calling", async () => {
    for (const call of [
      { mchId: "1999999999" },
      { authorization: null },
      { authorization: "WECHATPAY2-SHA256-RSA2048 garbage" },
    ]) {
      expect(await rawCall({ method: "GET", path: queryPath(newOrderNo()), ...call })).toMatchObject({
        status: 401,
        body: { code: "SIGN_ERROR" },
        signed: false,
      });
    }
  });

  it("refuses a request signed with another merchant key: the adapter sees a verified SIGN_ERROR", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const impostor = createAdapter(merchant.config, { ...merchant.secrets, merchantPrivateKeyPem: privateKey });
    expect(await caught(impostor.queryPayment(newOrderNo()))).toEqual({
      kind: "REJECTED",
      providerCode: "SIGN_ERROR",
      httpStatus: 401,
    });
  });

  it("checks bodies as WeChat does: PARAM_ERROR, another merchant's mchid, an appid not bound to it", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ amount: { total: 0, currency: "CNY" } }, 400, "PARAM_ERROR"],
      [{ amount: { total: 990, currency: "USD" } }, 400, "PARAM_ERROR"],
      [{ time_expire: "tomorrow" }, 400, "PARAM_ERROR"],
      [{ notify_url: "ftp://shop.example/notify" }, 400, "PARAM_ERROR"],
      [{ out_trade_no: "no spaces allowed" }, 400, "PARAM_ERROR"],
      [{ mchid: "1999999999" }, 400, "INVALID_REQUEST"],
      [{ appid: "wx0000000000000000" }, 400, "APPID_MCHID_NOT_MATCH"],
    ];
    for (const [overrides, status, code] of cases) {
      const reply = await rawCall({ method: "POST", path: "/v3/pay/transactions/native", body: nativeBody(overrides) });
      expect(reply, JSON.stringify(overrides)).toMatchObject({ status, body: { code }, verifies: true });
    }
    const h5 = await rawCall({ method: "POST", path: "/v3/pay/transactions/h5", body: nativeBody() });
    expect(h5).toMatchObject({ status: 400, body: { code: "PARAM_ERROR" } });
    expect(await rawCall({ method: "POST", path: "/v3/pay/transactions/native", body: "{" })).toMatchObject({
      status: 400,
      body: { code: "PARAM_ERROR" },
    });
    expect(await rawCall({ method: "GET", path: `/v3/pay/transactions/out-trade-no/${newOrderNo()}` })).toMatchObject({
      status: 400,
      body: { code: "PARAM_ERROR" },
    });
  });

  it("answers a signed 404 for an unknown path or method, and 413 for an oversized body", async () => {
    expect(await rawCall({ method: "GET", path: "/v3/certificates" })).toMatchObject({
      status: 404,
      body: { code: "NOT_FOUND" },
      verifies: true,
    });
    expect(await rawCall({ method: "GET", path: "/v3/pay/transactions/native" })).toMatchObject({ status: 404 });
    const huge = nativeBody({ description: "x".repeat(70 * 1024) });
    expect(await rawCall({ method: "POST", path: "/v3/pay/transactions/native", body: huge })).toMatchObject({
      status: 413,
      verifies: true,
    });
  });

  it("is down while the providerDown fault is on: an error, or no answer until the caller gives up", async () => {
    const orderNo = newOrderNo();
    await setFaults(`merchant:${merchant.keys.merchant.id}`, { providerDown: "error" });
    expect(await caught(merchant.adapter.queryPayment(orderNo))).toEqual({
      kind: "SYSTEM_ERROR",
      providerCode: undefined,
      httpStatus: 503,
    });
    await setFaults(`merchant:${merchant.keys.merchant.id}`, { providerDown: "timeout" });
    const impatient = createAdapter(merchant.config, merchant.secrets, { timeoutMs: 300 });
    expect(await caught(impatient.queryPayment(orderNo))).toMatchObject({ kind: "TIMEOUT" });

    await clearFaults();
    expect(await merchant.adapter.queryPayment(orderNo)).toEqual({ orderNo, state: "NOT_FOUND" });
  });

  it("applies a trade-scoped outage to that trade's calls only", async () => {
    const down = newOrderNo();
    await setFaults(`trade:${down}`, { providerDown: "error" });
    expect(await caught(merchant.adapter.createQrPayment(order(down)))).toMatchObject({ httpStatus: 503 });
    expect(await merchant.adapter.queryPayment(newOrderNo())).toMatchObject({ state: "NOT_FOUND" });
  });
});
