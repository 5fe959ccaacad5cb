import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createAdapter } from "@/lib/payments/registry";
import { openSecrets } from "@/lib/payment-configs/secrets";
import { buildRequestParams, formatBeijingTime, signParams, splitForPost } from "@/lib/payments/alipay";
import { ProviderError } from "@/lib/payments/types";
import { alipaySandbox } from "@/lib/sandbox/alipay";
import {
  orderInput,
  rawCall,
  startGateway,
  verifiedPayload,
  type GatewayHarness,
} from "@/lib/sandbox/alipay/int-test-harness";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";
import { findTrade, payTrade } from "@/lib/sandbox/trades";

let h: GatewayHarness;

beforeAll(async () => {
  h = await startGateway();
});

afterAll(async () => {
  await h?.close();
});

afterEach(async () => {
  await clearFaults();
});

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

async function paidTrade(orderNo: string, amountFen: number) {
  const adapter = await h.adapter();
  await adapter.createQrPayment(orderInput(orderNo, amountFen));
  const trade = await findTrade(h.merchant.id, orderNo);
  if (!trade) throw new Error("precreate opened no trade");
  return payTrade(trade.id);
}

describe("alipay.trade.precreate and alipay.trade.query", () => {
  it("open a trade whose QR code is the phone page, then report it paid with the exact amount", async () => {
    const adapter = await h.adapter();
    const input = orderInput("AQ-1", 29);
    const { codeUrl } = await adapter.createQrPayment(input);

    const trade = await findTrade(h.merchant.id, "AQ-1");
    expect(trade).toMatchObject({
      channel: "QR",
      amountFen: 29,
      description: "29 credits",
      notifyUrl: input.notifyUrl,
      state: "PENDING",
    });
    expect(codeUrl).toBe(`${env().APP_URL}/sandbox/pay/${trade?.id}`);
    // Placing the same order again is idempotent: the same trade, the same code.
    expect((await adapter.createQrPayment(input)).codeUrl).toBe(codeUrl);
    expect(await adapter.queryPayment("AQ-1")).toMatchObject({ orderNo: "AQ-1", state: "PENDING", amountFen: 29 });

    const paid = await payTrade(trade?.id ?? "");
    const status = await adapter.queryPayment("AQ-1");
    expect(status).toEqual({
      orderNo: "AQ-1",
      state: "PAID",
      amountFen: 29,
      currency: "CNY",
      providerTradeNo: paid.providerTradeNo,
      // Alipay's times have whole seconds.
      paidAt: new Date(Math.floor((paid.paidAt?.getTime() ?? 0) / 1000) * 1000),
    });
    const error = await rejection(adapter.createQrPayment(input));
    expect(error).toMatchObject({ kind: "REJECTED", providerCode: "ACQ.TRADE_HAS_SUCCESS" });
  });

  it("answer an unknown order with ACQ.TRADE_NOT_EXIST, which the adapter reads as NOT_FOUND", async () => {
    const adapter = await h.adapter();
    expect(await adapter.queryPayment("AQ-NONE")).toEqual({ orderNo: "AQ-NONE", state: "NOT_FOUND" });
    const { text } = await rawCall(h, { method: "alipay.trade.query", bizContent: { out_trade_no: "AQ-NONE" } });
    expect(verifiedPayload(h, text, "alipay.trade.query")).toEqual({
      code: "40004",
      msg: "Business Failed",
      sub_code: "ACQ.TRADE_NOT_EXIST",
      sub_msg: "交易不存在",
      out_trade_no: "AQ-NONE",
    });
  });

  it("refuse the same out_trade_no with another amount, an inexact amount, another seller, no notify_url", async () => {
    const adapter = await h.adapter();
    await adapter.createQrPayment(orderInput("AQ-2", 100));
    expect(await rejection(adapter.createQrPayment(orderInput("AQ-2", 101)))).toMatchObject({
      providerCode: "ACQ.CONTEXT_INCONSISTENT",
    });
    const { text } = await rawCall(h, {
      method: "alipay.trade.precreate",
      bizContent: { out_trade_no: "AQ-3", total_amount: "1.001", subject: "x" },
    });
    expect(verifiedPayload(h, text, "alipay.trade.precreate")).toMatchObject({
      code: "40004",
      sub_code: "ACQ.INVALID_PARAMETER",
      out_trade_no: "AQ-3",
    });
    expect(await findTrade(h.merchant.id, "AQ-3")).toBeNull();

    const otherSeller = await rawCall(h, {
      method: "alipay.trade.precreate",
      bizContent: { out_trade_no: "AQ-4", total_amount: "1.00", subject: "x", seller_id: "2088000000000000" },
    });
    expect(verifiedPayload(h, otherSeller.text, "alipay.trade.precreate")).toMatchObject({
      sub_code: "ACQ.INVALID_PARAMETER",
    });
    // rawCall sends no notify_url, and the sandbox owes every trade its notifies.
    const noNotifyUrl = await rawCall(h, {
      method: "alipay.trade.precreate",
      bizContent: { out_trade_no: "AQ-4", total_amount: "1.00", subject: "x" },
    });
    expect(verifiedPayload(h, noNotifyUrl.text, "alipay.trade.precreate")).toMatchObject({
      code: "40002",
      sub_code: "isv.invalid-parameter",
    });
    expect(await findTrade(h.merchant.id, "AQ-4")).toBeNull();
  });
});

describe("alipay.trade.close", () => {
  it("closes an unpaid trade, which then reads CLOSED and cannot be placed again", async () => {
    const adapter = await h.adapter();
    await adapter.createQrPayment(orderInput("AC-1", 500));
    await adapter.closePayment("AC-1");
    expect(await adapter.queryPayment("AC-1")).toMatchObject({ state: "CLOSED", amountFen: 500 });
    // Closing twice is fine.
    await adapter.closePayment("AC-1");
    expect(await rejection(adapter.createQrPayment(orderInput("AC-1", 500)))).toMatchObject({
      providerCode: "ACQ.TRADE_HAS_CLOSE",
    });
  });

  it("refuses a paid trade with ACQ.TRADE_STATUS_ERROR", async () => {
    await paidTrade("AC-2", 500);
    const adapter = await h.adapter();
    expect(await rejection(adapter.closePayment("AC-2"))).toMatchObject({
      kind: "REJECTED",
      providerCode: "ACQ.TRADE_STATUS_ERROR",
    });
    expect(await adapter.queryPayment("AC-2")).toMatchObject({ state: "PAID" });
  });

  it("answers ACQ.TRADE_NOT_EXIST for an unknown order (nothing to close, for the adapter)", async () => {
    const adapter = await h.adapter();
    await expect(adapter.closePayment("AC-NONE")).resolves.toBeUndefined();
    const { text } = await rawCall(h, { method: "alipay.trade.close", bizContent: { out_trade_no: "AC-NONE" } });
    expect(verifiedPayload(h, text, "alipay.trade.close")).toMatchObject({ sub_code: "ACQ.TRADE_NOT_EXIST" });
  });
});

describe("alipay.trade.refund and alipay.trade.fastpay.refund.query", () => {
  it("refund in parts, idempotently per out_request_no, never more than was paid", async () => {
    const trade = await paidTrade("AR-1", 1000);
    const adapter = await h.adapter();
    const refund = (refundNo: string, refundFen: number) =>
      adapter.refund({ orderNo: "AR-1", refundNo, refundFen, totalFen: 1000, reason: "test", notifyUrl: "unused" });

    const first = await refund("AR-1-R1", 300);
    expect(first).toMatchObject({ orderNo: "AR-1", refundNo: "AR-1-R1", state: "SUCCESS" });
    expect(first.succeededAt).toBeInstanceOf(Date);

    // The same refund again moves nothing: Alipay says fund_change "N" with the same totals.
    const { text } = await rawCall(h, {
      method: "alipay.trade.refund",
      bizContent: { out_trade_no: "AR-1", refund_amount: "3.00", out_request_no: "AR-1-R1" },
    });
    expect(verifiedPayload(h, text, "alipay.trade.refund")).toMatchObject({
      code: "10000",
      out_trade_no: "AR-1",
      trade_no: trade.providerTradeNo,
      fund_change: "N",
      refund_fee: "3.00",
      gmt_refund_pay: formatBeijingTime(first.succeededAt ?? new Date(0)),
    });
    // …which the adapter, rightly, does not take as proof of a new refund.
    expect(await refund("AR-1-R1", 300)).toMatchObject({ state: "PROCESSING" });
    expect(await rejection(refund("AR-1-R1", 400))).toMatchObject({ providerCode: "ACQ.DISCORDANT_REPEAT_REQUEST" });
    expect(await rejection(refund("AR-1-R2", 800))).toMatchObject({ providerCode: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" });
    // Partly refunded: still TRADE_SUCCESS.
    expect(await adapter.queryPayment("AR-1")).toMatchObject({ state: "PAID", amountFen: 1000 });

    expect(await refund("AR-1-R2", 700)).toMatchObject({ state: "SUCCESS" });
    expect((await findTrade(h.merchant.id, "AR-1"))?.refundedFen).toBe(1000);
    // Fully refunded: TRADE_CLOSED with a payment date, which the adapter reads as REFUNDED.
    expect(await adapter.queryPayment("AR-1")).toMatchObject({ state: "REFUNDED" });
    expect(await rejection(refund("AR-1-R3", 1))).toMatchObject({ providerCode: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" });

    expect(await adapter.queryRefund("AR-1", "AR-1-R1")).toEqual({
      orderNo: "AR-1",
      refundNo: "AR-1-R1",
      state: "SUCCESS",
      refundFen: 300,
      succeededAt: first.succeededAt,
    });
    // A refund Alipay does not know: success without refund_status, i.e. not (yet) refunded.
    expect(await adapter.queryRefund("AR-1", "AR-1-R9")).toEqual({
      orderNo: "AR-1",
      refundNo: "AR-1-R9",
      state: "PROCESSING",
    });
    expect(await rejection(adapter.queryRefund("AR-NONE", "AR-1-R1"))).toMatchObject({
      providerCode: "ACQ.TRADE_NOT_EXIST",
    });
  });

  it("refuses to refund an unpaid trade or an unknown one", async () => {
    const adapter = await h.adapter();
    await adapter.createQrPayment(orderInput("AR-2", 1000));
    const refund = (orderNo: string) =>
      adapter.refund({ orderNo, refundNo: `${orderNo}-R1`, refundFen: 100, totalFen: 1000, reason: "", notifyUrl: "" });
    expect(await rejection(refund("AR-2"))).toMatchObject({ providerCode: "ACQ.TRADE_STATUS_ERROR" });
    expect(await rejection(refund("AR-NONE"))).toMatchObject({ providerCode: "ACQ.TRADE_NOT_EXIST" });
  });
});

describe("alipay.trade.wap.pay", () => {
  it("redirects the browser to the phone page and remembers where to send it back", async () => {
    const adapter = await h.adapter();
    const returnUrl = "https://shop.example/orders/AW-1";
    const { url } = await adapter.createH5Payment({ ...orderInput("AW-1", 990), returnUrl });
    expect(url.startsWith(`${h.gatewayUrl}?`)).toBe(true);

    const response = await fetch(url, { redirect: "manual" });
    const trade = await findTrade(h.merchant.id, "AW-1");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${env().APP_URL}/sandbox/pay/${trade?.id}`);
    expect(trade).toMatchObject({ amountFen: 990, returnUrl, channel: "H5", state: "PENDING" });
  });

  it("shows Alipay's error page for a URL whose signature does not match", async () => {
    const adapter = await h.adapter();
    const { url } = await adapter.createH5Payment(orderInput("AW-2", 990));
    const tampered = url.replace("9.90", "0.01");
    expect(tampered).not.toBe(url);
    const response = await fetch(tampered, { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("isv.invalid-signature");
    expect(await findTrade(h.merchant.id, "AW-2")).toBeNull();
  });
});

describe("gateway rejections", () => {
  const query = { method: "alipay.trade.query", bizContent: { out_trade_no: "AG-1" } };

  it("a request signed with another key: 40002 isv.invalid-signature, signed by Alipay", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const privateKeyPem = other.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const { status, text } = await rawCall(h, { ...query, privateKeyPem });
    expect(status).toBe(200);
    expect(verifiedPayload(h, text, "alipay.trade.query")).toMatchObject({
      code: "40002",
      msg: "Invalid Arguments",
      sub_code: "isv.invalid-signature",
    });
  });

  it("an unknown app_id: 40002 isv.invalid-app-id, unsigned (there is no key to sign with)", async () => {
    const { text } = await rawCall(h, { ...query, appId: "9021000000000000" });
    expect(JSON.parse(text)).toEqual({
      alipay_trade_query_response: {
        code: "40002",
        msg: "Invalid Arguments",
        sub_code: "isv.invalid-app-id",
        sub_msg: "无效的AppID参数",
      },
    });
    // The adapter refuses an unsigned answer, keeping the code as an unverified hint.
    const adapter = createAdapter(
      { ...h.config, appId: "9021000000000000" },
      openSecrets(h.config.id, h.config.sealedSecrets),
    );
    const error = await rejection(adapter.queryPayment("AG-1"));
    expect(error.kind).toBe("BAD_RESPONSE_SIGNATURE");
    expect(error.message).toContain("isv.invalid-app-id");
  });

  it("a timestamp more than 15 minutes off: 40002 isv.invalid-timestamp", async () => {
    const stale = new Date(Date.now() - 16 * 60 * 1000);
    const adapter = createAdapter(h.config, openSecrets(h.config.id, h.config.sealedSecrets), {
      now: () => stale.getTime(),
    });
    expect(await rejection(adapter.queryPayment("AG-1"))).toMatchObject({
      kind: "REJECTED",
      providerCode: "isv.invalid-timestamp",
    });
    const early = await rawCall(h, { ...query, sentAt: new Date(Date.now() + 16 * 60 * 1000) });
    expect(verifiedPayload(h, early.text, "alipay.trade.query")).toMatchObject({ sub_code: "isv.invalid-timestamp" });
    const recent = await rawCall(h, { ...query, sentAt: new Date(Date.now() - 14 * 60 * 1000) });
    expect(verifiedPayload(h, recent.text, "alipay.trade.query")).toMatchObject({ sub_code: "ACQ.TRADE_NOT_EXIST" });
  });

  it("an unknown method: 40002 isv.invalid-method under error_response", async () => {
    for (const method of ["alipay.trade.pay.nothing", "constructor"]) {
      const { text } = await rawCall(h, { method, bizContent: {} });
      expect(verifiedPayload(h, text, "error")).toMatchObject({ code: "40002", sub_code: "isv.invalid-method" });
    }
  });

  it("an unreadable or oversized request: 40002 isv.invalid-parameter, never a server error", async () => {
    const duplicated = await fetch(`${h.gatewayUrl}?app_id=1&app_id=2`, { method: "POST" });
    const oversized = await fetch(h.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `biz_content=${"x".repeat(70 * 1024)}`,
    });
    for (const response of [duplicated, oversized]) {
      expect(response.status).toBe(200);
      expect(JSON.parse(await response.text())).toMatchObject({
        error_response: { code: "40002", sub_code: "isv.invalid-parameter" },
      });
    }
  });
});

describe("fault injection", () => {
  it("providerDown error: the gateway answers 503 and the adapter sees a ProviderError", async () => {
    await setFaults(`merchant:${h.merchant.id}`, { providerDown: "error" });
    const adapter = await h.adapter();
    expect(await rejection(adapter.queryPayment("AF-1"))).toMatchObject({ kind: "NETWORK", httpStatus: 503 });
    await clearFaults(`merchant:${h.merchant.id}`);
    expect(await adapter.queryPayment("AF-1")).toMatchObject({ state: "NOT_FOUND" });
  });

  it("providerDown timeout: no answer until the caller gives up", async () => {
    await setFaults("*", { providerDown: "timeout" });
    const params = signParams(
      buildRequestParams({
        appId: h.config.appId,
        method: "alipay.trade.query",
        bizContent: { out_trade_no: "AF-2" },
        timestamp: formatBeijingTime(new Date()),
      }),
      "request",
      h.appPrivateKeyPem,
    );
    const { query, body } = splitForPost(params);
    const abandon = new AbortController();
    setTimeout(() => abandon.abort(), 100);
    const response = await alipaySandbox.handle(
      new Request(`${h.gatewayUrl}?${query}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        signal: abandon.signal,
      }),
      [],
    );
    expect(response.status).toBe(504);
  });

  it("wrongAmount on one trade: its query reports one fen more", async () => {
    await paidTrade("AF-3", 1234);
    await setFaults("trade:AF-3", { wrongAmount: true });
    const adapter = await h.adapter();
    expect(await adapter.queryPayment("AF-3")).toMatchObject({ state: "PAID", amountFen: 1235 });
    await clearFaults("trade:AF-3");
    expect(await adapter.queryPayment("AF-3")).toMatchObject({ state: "PAID", amountFen: 1234 });
  });
});

describe("the gateway's own failures", () => {
  it("are answered as Alipay's signed 20000 isp.unknow-error, not a stack trace", async () => {
    const prisma = await getPrisma();
    // A trade row the query cannot describe (a negative amount) makes the method itself fail.
    await paidTrade("AX-1", 100);
    await prisma.$executeRaw`UPDATE "SandboxTrade" SET "paidAmountFen" = -5 WHERE "outTradeNo" = 'AX-1'`;
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const { status, text } = await rawCall(h, { method: "alipay.trade.query", bizContent: { out_trade_no: "AX-1" } });
    expect(status).toBe(200);
    expect(verifiedPayload(h, text, "alipay.trade.query")).toEqual({
      code: "20000",
      msg: "Service Currently Unavailable",
      sub_code: "isp.unknow-error",
      sub_msg: "服务暂不可用（业务系统不可用）",
    });
    // The stack trace goes to the log, never to the caller.
    expect(logged).toHaveBeenCalledWith(
      "sandbox alipay gateway failed",
      expect.objectContaining({ error: expect.any(RangeError) }),
    );
    logged.mockRestore();
  });
});
