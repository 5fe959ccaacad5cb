import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ProviderError, type ProviderCallRecord, type CreatePaymentInput } from "@/lib/payments/types";
import { createAlipayAdapter } from "./adapter";
import type { AlipayConfig } from "./config";
import { encodeForm } from "./form";
import { readGatewayRequest } from "./request";
import { signAlipayResponse } from "./response";
import { signParams, verifyParams } from "./sign";

const app = generateKeyPairSync("rsa", { modulusLength: 2048 });
const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
const APP_PRIVATE_PEM = app.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
// Alipay's console hands out its public key as bare base64; use that form here.
const ALIPAY_PUBLIC_BASE64 = alipay.publicKey
  .export({ type: "spki", format: "pem" })
  .toString()
  .replace(/-----[A-Z ]+-----|\s/g, "");
const NOW = Date.parse("2025-01-01T12:00:00Z");

interface SeenRequest {
  httpMethod: string;
  path: string;
  search: string;
  body: string;
  /** Query and body together, as Alipay reads them. */
  params: Record<string, string>;
}

type Respond = (request: SeenRequest, response: ServerResponse) => void;

interface FakeGateway {
  origin: string;
  seen: SeenRequest[];
  respondWith(respond: Respond): void;
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Plays Alipay: records every request and answers with the current responder. */
async function fakeGateway(): Promise<FakeGateway> {
  const seen: SeenRequest[] = [];
  let respond: Respond = (_request, response) => response.writeHead(500).end();
  const origin = await listen((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://gateway");
      const read = readGatewayRequest(url.search, body);
      const entry = {
        httpMethod: request.method ?? "",
        path: url.pathname,
        search: url.search,
        body,
        params: read.ok ? read.params : {},
      };
      seen.push(entry);
      respond(entry, response);
    });
  });
  return { origin, seen, respondWith: (next) => (respond = next) };
}

function answer(response: ServerResponse, text: string, status = 200): void {
  response.writeHead(status, { "content-type": "application/json;charset=utf-8" }).end(text);
}

/** A response signed with Alipay's key, for the method the request named. */
function signedAnswer(payload: Record<string, unknown>): Respond {
  return (request, response) =>
    answer(response, signAlipayResponse(request.params.method ?? "", payload, alipay.privateKey));
}

function bizContentOf(request: SeenRequest | undefined): Record<string, unknown> {
  return JSON.parse(request?.params.biz_content ?? "null") as Record<string, unknown>;
}

function configFor(gateway: FakeGateway): AlipayConfig {
  return {
    appId: "2021000000000001",
    sellerId: "2088000000000001",
    appPrivateKeyPem: APP_PRIVATE_PEM,
    alipayPublicKeyPem: ALIPAY_PUBLIC_BASE64,
    gatewayUrl: `${gateway.origin}/custom/gateway.do`,
    returnUrl: "https://shop.example/return",
  };
}

function setup(gateway: FakeGateway, timeoutMs = 2000) {
  const records: ProviderCallRecord[] = [];
  const adapter = createAlipayAdapter(configFor(gateway), {
    now: () => NOW,
    timeoutMs,
    recordCall: (record) => {
      records.push(record);
    },
  });
  return { adapter, records };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

const payment: CreatePaymentInput = {
  orderNo: "R20250101000001",
  amountFen: 1234,
  description: "330 credits",
  expiresAt: new Date("2025-01-01T12:15:00Z"),
  notifyUrl: "https://shop.example/api/notify/alipay",
};

const ok = { code: "10000", msg: "Success" };

describe("createQrPayment", () => {
  it("sends a correctly signed precreate to the configured gateway and returns qr_code", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer({ ...ok, out_trade_no: payment.orderNo, qr_code: "https://qr.alipay.com/bax01" }));
    const { adapter, records } = setup(gateway);

    await expect(adapter.createQrPayment(payment)).resolves.toEqual({ codeUrl: "https://qr.alipay.com/bax01" });

    expect(gateway.seen).toHaveLength(1);
    const [request] = gateway.seen;
    expect(request?.httpMethod).toBe("POST");
    expect(request?.path).toBe("/custom/gateway.do");
    expect(request?.params).toMatchObject({
      app_id: "2021000000000001",
      method: "alipay.trade.precreate",
      charset: "utf-8",
      format: "JSON",
      version: "1.0",
      sign_type: "RSA2",
      timestamp: "2025-01-01 20:00:00",
      notify_url: payment.notifyUrl,
    });
    expect(bizContentOf(request)).toEqual({
      out_trade_no: payment.orderNo,
      total_amount: "12.34",
      subject: "330 credits",
      time_expire: "2025-01-01 20:15:00",
      product_code: "FACE_TO_FACE_PAYMENT",
      seller_id: "2088000000000001",
    });
    // Common params travel in the query, the business content in the body, like Alipay's SDKs.
    expect(request?.body.startsWith("biz_content=")).toBe(true);
    expect(request?.search).toContain("sign=");

    const params = request?.params ?? {};
    expect(verifyParams(params, "request", app.publicKey)).toBe(true);
    const cheaper = { ...params, biz_content: (params.biz_content ?? "").replace("12.34", "0.01") };
    expect(verifyParams(cheaper, "request", app.publicKey)).toBe(false);

    expect(records).toEqual([
      {
        provider: "ALIPAY",
        operation: "create_qr",
        orderNo: payment.orderNo,
        request: {
          method: "alipay.trade.precreate",
          out_trade_no: payment.orderNo,
          total_amount: "12.34",
          time_expire: "2025-01-01 20:15:00",
          product_code: "FACE_TO_FACE_PAYMENT",
        },
        response: { code: "10000", msg: "Success", out_trade_no: payment.orderNo },
        httpStatus: 200,
        latencyMs: 0,
        outcome: "ok",
      },
    ]);
    const recorded = JSON.stringify(records);
    expect(recorded).not.toContain(params.sign ?? "no sign");
    expect(recorded).not.toMatch(/PRIVATE KEY|PUBLIC KEY|"sign"/);
  });

  it("refuses invalid amounts before calling anyone", async () => {
    const gateway = await fakeGateway();
    const { adapter } = setup(gateway);
    for (const amountFen of [0, -1, 12.5, 10_000_000_001]) {
      await expect(adapter.createQrPayment({ ...payment, amountFen })).rejects.toThrow(RangeError);
    }
    expect(gateway.seen).toHaveLength(0);
  });

  it("turns a business error into REJECTED with the sub_code", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(
      signedAnswer({
        code: "40004",
        msg: "Business Failed",
        sub_code: "ACQ.TOTAL_FEE_EXCEED",
        sub_msg: "订单金额超过限额",
      }),
    );
    const { adapter, records } = setup(gateway);
    const error = await failure(adapter.createQrPayment(payment));
    expect(error).toMatchObject({ provider: "ALIPAY", kind: "REJECTED", providerCode: "ACQ.TOTAL_FEE_EXCEED" });
    expect(records[0]).toMatchObject({
      outcome: "provider_error",
      response: { code: "40004", sub_code: "ACQ.TOTAL_FEE_EXCEED" },
      errorMessage: expect.stringContaining("ACQ.TOTAL_FEE_EXCEED"),
    });
  });
});

describe("response signatures", () => {
  const precreated = { ...ok, out_trade_no: payment.orderNo, qr_code: "https://qr.alipay.com/bax01" };

  it.each<[string, Respond]>([
    [
      "a tampered response",
      (request, response) =>
        answer(
          response,
          signAlipayResponse(request.params.method ?? "", precreated, alipay.privateKey).replace("bax01", "bax02"),
        ),
    ],
    [
      "an unsigned response",
      (_request, response) => answer(response, JSON.stringify({ alipay_trade_precreate_response: precreated })),
    ],
    [
      "a response signed with another key",
      (request, response) =>
        answer(response, signAlipayResponse(request.params.method ?? "", precreated, app.privateKey)),
    ],
    [
      "a genuine response with the key repeated",
      (request, response) => {
        const genuine = signAlipayResponse(request.params.method ?? "", precreated, alipay.privateKey);
        const forged = JSON.stringify({ ...precreated, qr_code: "https://evil.example/pay" });
        answer(response, `${genuine.slice(0, -1)},"alipay_trade_precreate_response":${forged}}`);
      },
    ],
  ])("refuses %s as BAD_RESPONSE_SIGNATURE", async (_label, respond) => {
    const gateway = await fakeGateway();
    gateway.respondWith(respond);
    const { adapter, records } = setup(gateway);
    expect(await failure(adapter.createQrPayment(payment))).toMatchObject({ kind: "BAD_RESPONSE_SIGNATURE" });
    expect(records[0]).toMatchObject({ outcome: "bad_response_signature" });
  });

  it.each<[string, Respond]>([
    ["an HTML error page", (_request, response) => answer(response, "<html>oops</html>")],
    ["a response for another method", signedAnswerFor("alipay.trade.query", precreated)],
    ["a signed response without a code", signedAnswer({ qr_code: "x" })],
    ["HTTP 404", (_request, response) => answer(response, "not found", 404)],
    ["a body over 1 MiB", (_request, response) => answer(response, `{"x":"${"a".repeat(1024 * 1024)}"}`)],
  ])("refuses %s as INVALID_RESPONSE", async (_label, respond) => {
    const gateway = await fakeGateway();
    gateway.respondWith(respond);
    const { adapter } = setup(gateway);
    expect(await failure(adapter.createQrPayment(payment))).toMatchObject({ kind: "INVALID_RESPONSE" });
  });
});

function signedAnswerFor(method: string, payload: Record<string, unknown>): Respond {
  return (_request, response) => answer(response, signAlipayResponse(method, payload, alipay.privateKey));
}

describe("transport failures", () => {
  it("times out on a gateway that never answers", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(() => undefined);
    const { adapter, records } = setup(gateway, 150);
    const started = Date.now();
    expect(await failure(adapter.queryPayment("R1"))).toMatchObject({ kind: "TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(records[0]).toMatchObject({ operation: "query", outcome: "timeout" });
  });

  it("times out on a gateway that sends headers and then stalls the body", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"alipay_trade_query_response":');
    });
    const { adapter } = setup(gateway, 150);
    expect(await failure(adapter.queryPayment("R1"))).toMatchObject({ kind: "TIMEOUT" });
  });

  it("reports NETWORK when nothing listens", async () => {
    const gateway = await fakeGateway();
    const { adapter } = setup(gateway);
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    expect(await failure(adapter.queryPayment("R1"))).toMatchObject({ kind: "NETWORK" });
  });

  it("reports NETWORK with the status for a 5xx from the gateway", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith((_request, response) => answer(response, "bad gateway", 502));
    const { adapter, records } = setup(gateway);
    expect(await failure(adapter.queryPayment("R1"))).toMatchObject({ kind: "NETWORK", httpStatus: 502 });
    expect(records[0]).toMatchObject({ outcome: "network_error", httpStatus: 502 });
  });

  it("does not follow a redirect away from the configured gateway", async () => {
    let elsewhereHit = false;
    const elsewhere = await listen((_request, response) => {
      elsewhereHit = true;
      response.end("{}");
    });
    const gateway = await fakeGateway();
    gateway.respondWith((_request, response) => response.writeHead(307, { location: `${elsewhere}/gateway.do` }).end());
    const { adapter } = setup(gateway);
    expect(await failure(adapter.queryPayment("R1"))).toMatchObject({ kind: "NETWORK" });
    expect(elsewhereHit).toBe(false);
  });
});

describe("queryPayment", () => {
  async function query(payload: Record<string, unknown>) {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer(payload));
    const { adapter } = setup(gateway);
    return { result: adapter.queryPayment("R1"), gateway };
  }

  it("asks alipay.trade.query about our order", async () => {
    const { result, gateway } = await query({
      ...ok,
      out_trade_no: "R1",
      trade_status: "WAIT_BUYER_PAY",
      total_amount: "0.29",
    });
    await expect(result).resolves.toEqual({ orderNo: "R1", state: "PENDING", amountFen: 29, currency: "CNY" });
    expect(gateway.seen[0]?.params.method).toBe("alipay.trade.query");
    expect(bizContentOf(gateway.seen[0])).toEqual({ out_trade_no: "R1" });
  });

  it("reads a paid trade with its exact amount and time", async () => {
    const { result } = await query({
      ...ok,
      out_trade_no: "R1",
      trade_no: "2025010122001400000000000001",
      trade_status: "TRADE_SUCCESS",
      total_amount: "1005.07",
      send_pay_date: "2025-01-01 20:03:04",
    });
    await expect(result).resolves.toEqual({
      orderNo: "R1",
      state: "PAID",
      providerTradeNo: "2025010122001400000000000001",
      amountFen: 100507,
      currency: "CNY",
      paidAt: new Date("2025-01-01T12:03:04Z"),
    });
  });

  it("answers NOT_FOUND for ACQ.TRADE_NOT_EXIST", async () => {
    const { result } = await query({
      code: "40004",
      msg: "Business Failed",
      sub_code: "ACQ.TRADE_NOT_EXIST",
      sub_msg: "交易不存在",
    });
    await expect(result).resolves.toEqual({ orderNo: "R1", state: "NOT_FOUND" });
  });

  it.each([
    ["TRADE_FINISHED", { send_pay_date: "2025-01-01 20:03:04" }, "PAID"],
    ["TRADE_CLOSED", {}, "CLOSED"],
    ["TRADE_CLOSED", { send_pay_date: "2025-01-01 20:03:04" }, "REFUNDED"],
  ])("maps %s %j to %s", async (status, extra, state) => {
    const { result } = await query({ ...ok, out_trade_no: "R1", trade_status: status, total_amount: "1.00", ...extra });
    await expect(result).resolves.toMatchObject({ state });
  });

  it.each([
    ["another order", { out_trade_no: "R2" }],
    ["an inexact amount", { total_amount: "1.234" }],
    ["an unknown status", { trade_status: "TRADE_LOST" }],
  ])("refuses a response about %s", async (_label, change) => {
    const { result } = await query({
      ...ok,
      out_trade_no: "R1",
      trade_status: "TRADE_SUCCESS",
      total_amount: "1.00",
      ...change,
    });
    expect(await failure(result)).toMatchObject({ kind: "INVALID_RESPONSE" });
  });
});

describe("closePayment", () => {
  it("closes with alipay.trade.close", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer({ ...ok, out_trade_no: "R1", trade_no: "2025" }));
    const { adapter, records } = setup(gateway);
    await expect(adapter.closePayment("R1")).resolves.toBeUndefined();
    expect(gateway.seen[0]?.params.method).toBe("alipay.trade.close");
    expect(records[0]).toMatchObject({ operation: "close", outcome: "ok" });
  });

  it("treats a trade Alipay never created as nothing to close", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer({ code: "40004", msg: "Business Failed", sub_code: "ACQ.TRADE_NOT_EXIST" }));
    const { adapter } = setup(gateway);
    await expect(adapter.closePayment("R1")).resolves.toBeUndefined();
  });

  it("fails on a trade that cannot be closed (e.g. already paid)", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer({ code: "40004", msg: "Business Failed", sub_code: "ACQ.TRADE_STATUS_ERROR" }));
    const { adapter } = setup(gateway);
    expect(await failure(adapter.closePayment("R1"))).toMatchObject({
      kind: "REJECTED",
      providerCode: "ACQ.TRADE_STATUS_ERROR",
    });
  });
});

describe("refund", () => {
  const input = {
    orderNo: "R1",
    refundNo: "RF1",
    refundFen: 50,
    totalFen: 1234,
    reason: "customer request",
    notifyUrl: "https://x",
  };

  it("sends out_request_no = refundNo and reports SUCCESS when money moved", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(
      signedAnswer({
        ...ok,
        out_trade_no: "R1",
        fund_change: "Y",
        refund_fee: "0.50",
        gmt_refund_pay: "2025-01-02 10:00:00",
      }),
    );
    const { adapter, records } = setup(gateway);
    await expect(adapter.refund(input)).resolves.toEqual({
      orderNo: "R1",
      refundNo: "RF1",
      state: "SUCCESS",
      succeededAt: new Date("2025-01-02T02:00:00Z"),
    });
    expect(gateway.seen[0]?.params.method).toBe("alipay.trade.refund");
    expect(bizContentOf(gateway.seen[0])).toEqual({
      out_trade_no: "R1",
      refund_amount: "0.50",
      out_request_no: "RF1",
      refund_reason: "customer request",
    });
    expect(records[0]).toMatchObject({
      operation: "refund",
      request: { out_request_no: "RF1", refund_amount: "0.50" },
    });
  });

  it("reports PROCESSING when Alipay says no money moved (e.g. a repeated out_request_no)", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer({ ...ok, out_trade_no: "R1", fund_change: "N" }));
    const { adapter } = setup(gateway);
    await expect(adapter.refund(input)).resolves.toEqual({ orderNo: "R1", refundNo: "RF1", state: "PROCESSING" });
  });

  it("turns a refusal into REJECTED", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(
      signedAnswer({ code: "40004", msg: "Business Failed", sub_code: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" }),
    );
    const { adapter } = setup(gateway);
    expect(await failure(adapter.refund(input))).toMatchObject({
      kind: "REJECTED",
      providerCode: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
    });
  });

  it("refuses to refund more than the total", async () => {
    const gateway = await fakeGateway();
    const { adapter } = setup(gateway);
    await expect(adapter.refund({ ...input, refundFen: 1235 })).rejects.toThrow(RangeError);
    expect(gateway.seen).toHaveLength(0);
  });
});

describe("queryRefund", () => {
  it("reports SUCCESS with the refund's exact amount", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(
      signedAnswer({
        ...ok,
        out_trade_no: "R1",
        out_request_no: "RF1",
        refund_amount: "0.29",
        refund_status: "REFUND_SUCCESS",
        gmt_refund_pay: "2025-01-02 10:00:00",
      }),
    );
    const { adapter } = setup(gateway);
    await expect(adapter.queryRefund("R1", "RF1")).resolves.toEqual({
      orderNo: "R1",
      refundNo: "RF1",
      state: "SUCCESS",
      refundFen: 29,
      succeededAt: new Date("2025-01-02T02:00:00Z"),
    });
    expect(gateway.seen[0]?.params.method).toBe("alipay.trade.fastpay.refund.query");
    expect(bizContentOf(gateway.seen[0])).toEqual({
      out_trade_no: "R1",
      out_request_no: "RF1",
      query_options: ["gmt_refund_pay"],
    });
  });

  it("reports PROCESSING while Alipay does not confirm the refund", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer({ ...ok }));
    const { adapter } = setup(gateway);
    await expect(adapter.queryRefund("R1", "RF1")).resolves.toEqual({
      orderNo: "R1",
      refundNo: "RF1",
      state: "PROCESSING",
    });
  });

  it("refuses an answer about another refund", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(
      signedAnswer({ ...ok, out_trade_no: "R1", out_request_no: "RF2", refund_status: "REFUND_SUCCESS" }),
    );
    const { adapter } = setup(gateway);
    expect(await failure(adapter.queryRefund("R1", "RF1"))).toMatchObject({ kind: "INVALID_RESPONSE" });
  });
});

describe("createH5Payment", () => {
  it("builds a signed wap.pay URL to the configured gateway without fetching it", async () => {
    const gateway = await fakeGateway();
    const { adapter, records } = setup(gateway);
    const { url } = await adapter.createH5Payment(payment);

    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`${gateway.origin}/custom/gateway.do`);
    const read = readGatewayRequest(parsed.search, "");
    if (!read.ok) throw new Error(read.detail);
    expect(read.params).toMatchObject({
      method: "alipay.trade.wap.pay",
      notify_url: payment.notifyUrl,
      return_url: "https://shop.example/return",
      timestamp: "2025-01-01 20:00:00",
    });
    expect(JSON.parse(read.params.biz_content ?? "")).toEqual({
      out_trade_no: payment.orderNo,
      total_amount: "12.34",
      subject: "330 credits",
      time_expire: "2025-01-01 20:15:00",
      product_code: "QUICK_WAP_WAY",
      quit_url: "https://shop.example/return",
    });
    expect(verifyParams(read.params, "request", app.publicKey)).toBe(true);
    expect(gateway.seen).toHaveLength(0);
    expect(records[0]).toMatchObject({ operation: "create_h5", outcome: "ok", orderNo: payment.orderNo });
  });
});

describe("adapter wiring", () => {
  it("keeps working when recordCall throws", async () => {
    const gateway = await fakeGateway();
    gateway.respondWith(signedAnswer({ code: "40004", msg: "Business Failed", sub_code: "ACQ.TRADE_NOT_EXIST" }));
    const adapter = createAlipayAdapter(configFor(gateway), {
      recordCall: () => {
        throw new Error("database down");
      },
    });
    await expect(adapter.queryPayment("R1")).resolves.toEqual({ orderNo: "R1", state: "NOT_FOUND" });
  });

  it("verifies notifies against this config and answers Alipay", async () => {
    const gateway = await fakeGateway();
    const { adapter } = setup(gateway);
    const notify = {
      notify_type: "trade_status_sync",
      app_id: "2021000000000001",
      seller_id: "2088000000000001",
      out_trade_no: "R1",
      trade_status: "TRADE_SUCCESS",
      total_amount: "12.34",
    };
    const body = encodeForm(signParams(notify, "notify", alipay.privateKey));
    await expect(adapter.verifyPaymentNotify({ headers: {}, body })).resolves.toMatchObject({
      ok: true,
      event: { orderNo: "R1", state: "PAID", amountFen: 1234 },
    });
    const refundBody = encodeForm(
      signParams({ ...notify, out_biz_no: "RF1", refund_fee: "1.00" }, "notify", alipay.privateKey),
    );
    await expect(adapter.verifyRefundNotify({ headers: {}, body: refundBody })).resolves.toMatchObject({
      ok: true,
      event: { refundNo: "RF1", state: "SUCCESS" },
    });
    expect(adapter.answerNotify(true).body).toBe("success");
  });

  it.each<[string, Partial<AlipayConfig>, RegExp]>([
    ["a seller id that is not a PID", { sellerId: "12345" }, /sellerId/],
    ["a gateway URL with a query", { gatewayUrl: "https://openapi.alipay.com/gateway.do?charset=utf-8" }, /query/],
    ["a gateway that is not http(s)", { gatewayUrl: "ftp://openapi.alipay.com/gateway.do" }, /http/],
    ["an unreadable private key", { appPrivateKeyPem: "SECRETSECRET" }, /private key/],
    ["a private key as the Alipay public key", { alipayPublicKeyPem: APP_PRIVATE_PEM }, /public key/],
  ])("refuses a config with %s, without echoing secrets", async (_label, change, message) => {
    const gateway = await fakeGateway();
    let error: unknown;
    try {
      createAlipayAdapter({ ...configFor(gateway), ...change });
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).toMatch(message);
    expect(String(error)).not.toMatch(/SECRETSECRET|MII/);
  });
});
