import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { parseForm } from "@/lib/payments/alipay";
import type { PaymentAdapter } from "@/lib/payments/types";
import { alipaySandbox } from "@/lib/sandbox/alipay";
import {
  orderInput,
  startGateway,
  startNotifyReceiver,
  type GatewayHarness,
  type NotifyReceiver,
} from "@/lib/sandbox/alipay/int-test-harness";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { findTrade, payTrade, refundTrade } from "@/lib/sandbox/trades";

let h: GatewayHarness;
let receiver: NotifyReceiver;
let adapter: PaymentAdapter;

beforeAll(async () => {
  h = await startGateway();
  receiver = await startNotifyReceiver();
  adapter = await h.adapter();
});

afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const clean = { wrongAmount: false, badSignature: false, now: new Date() };

/** A trade placed through the real adapter and paid on the phone page. */
async function paidTrade(orderNo: string, amountFen: number) {
  await adapter.createQrPayment(orderInput(orderNo, amountFen, receiver.url));
  const trade = await findTrade(h.merchant.id, orderNo);
  if (!trade) throw new Error("precreate opened no trade");
  return payTrade(trade.id);
}

function fields(body: string): Record<string, string> {
  const form = parseForm(body);
  if (!form.ok) throw new Error(form.detail);
  return form.params;
}

describe("payment notifies", () => {
  it("are trade_status_sync forms the real adapter verifies, with ids and the exact amount", async () => {
    const trade = await paidTrade("NP-1", 1234);
    const notify = alipaySandbox.paymentNotify(h.keys, trade, clean);
    expect(notify.headers).toEqual({ "content-type": "application/x-www-form-urlencoded; charset=utf-8" });

    expect(await adapter.verifyPaymentNotify(notify)).toEqual({
      ok: true,
      event: {
        orderNo: "NP-1",
        state: "PAID",
        amountFen: 1234,
        currency: "CNY",
        appId: h.config.appId,
        merchantId: h.config.merchantId,
        providerTradeNo: trade.providerTradeNo,
        paidAt: new Date(Math.floor((trade.paidAt?.getTime() ?? 0) / 1000) * 1000),
      },
    });
    const sent = fields(notify.body);
    expect(sent).toMatchObject({
      notify_type: "trade_status_sync",
      trade_status: "TRADE_SUCCESS",
      app_id: h.config.appId,
      seller_id: h.merchant.merchantId,
      total_amount: "12.34",
      receipt_amount: "12.34",
      buyer_pay_amount: "12.34",
      subject: "1234 credits",
      sign_type: "RSA2",
      charset: "utf-8",
      version: "1.0",
    });
    expect(JSON.parse(sent.fund_bill_list ?? "")).toEqual([{ amount: "12.34", fundChannel: "ALIPAYACCOUNT" }]);
    expect(sent.notify_id).toMatch(/^\d{8}00222\d{21}$/);
    expect(sent.buyer_id).toMatch(/^2088\d{12}$/);
    // Retries of one notify keep its notify_id.
    expect(fields(alipaySandbox.paymentNotify(h.keys, trade, { ...clean, now: new Date() }).body).notify_id).toBe(
      sent.notify_id,
    );
  });

  it("under badSignature and as a signature probe, fail verification but still name the order", async () => {
    const trade = await paidTrade("NP-2", 500);
    const forged = alipaySandbox.paymentNotify(h.keys, trade, { ...clean, badSignature: true });
    const probe = alipaySandbox.signatureProbe(h.keys, trade, new Date());
    for (const notify of [forged, probe]) {
      expect(await adapter.verifyPaymentNotify(notify)).toMatchObject({
        ok: false,
        reason: "BAD_SIGNATURE",
        claimedOrderNo: "NP-2",
      });
    }
  });

  it("under wrongAmount, report one fen more, correctly signed", async () => {
    const trade = await paidTrade("NP-3", 500);
    const notify = alipaySandbox.paymentNotify(h.keys, trade, { ...clean, wrongAmount: true });
    expect(await adapter.verifyPaymentNotify(notify)).toMatchObject({ ok: true, event: { amountFen: 501 } });
  });
});

describe("refund notifies", () => {
  it("carry the cumulative refund_fee; TRADE_SUCCESS while partly refunded, TRADE_CLOSED once in full", async () => {
    await paidTrade("NR-1", 1000);
    const base = { merchantId: h.merchant.id, outTradeNo: "NR-1" };
    const partial = await refundTrade({ ...base, outRefundNo: "NR-1-R1", amountFen: 400 });
    const partialNotify = alipaySandbox.refundNotify(h.keys, partial.trade, partial.refund, clean);
    expect(await adapter.verifyRefundNotify(partialNotify)).toEqual({
      ok: true,
      event: { orderNo: "NR-1", refundNo: "NR-1-R1", state: "SUCCESS", succeededAt: partial.refund.succeededAt },
    });
    expect(fields(partialNotify.body)).toMatchObject({
      trade_status: "TRADE_SUCCESS",
      refund_fee: "4.00",
      out_biz_no: "NR-1-R1",
      total_amount: "10.00",
    });
    // A refund notify is not a payment notify.
    expect(await adapter.verifyPaymentNotify(partialNotify)).toMatchObject({ ok: false, reason: "UNSUPPORTED_EVENT" });

    const full = await refundTrade({ ...base, outRefundNo: "NR-1-R2", amountFen: 600 });
    const fullNotify = alipaySandbox.refundNotify(h.keys, full.trade, full.refund, clean);
    expect(await adapter.verifyRefundNotify(fullNotify)).toMatchObject({ ok: true, event: { refundNo: "NR-1-R2" } });
    expect(fields(fullNotify.body)).toMatchObject({ trade_status: "TRADE_CLOSED", refund_fee: "10.00" });
    expect(fields(fullNotify.body).gmt_close).toBeDefined();

    const forged = alipaySandbox.refundNotify(h.keys, full.trade, full.refund, { ...clean, badSignature: true });
    expect(await adapter.verifyRefundNotify(forged)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });
});

describe("delivery policy", () => {
  it("only a 200 answer whose body is `success` stops the retries", () => {
    expect(alipaySandbox.acknowledged(200, "success")).toBe(true);
    expect(alipaySandbox.acknowledged(200, " success\r\n")).toBe(true);
    expect(alipaySandbox.acknowledged(200, "fail")).toBe(false);
    expect(alipaySandbox.acknowledged(200, "SUCCESS")).toBe(false);
    expect(alipaySandbox.acknowledged(200, "")).toBe(false);
    expect(alipaySandbox.acknowledged(500, "success")).toBe(false);
    // Eight notifies over about 25 hours.
    expect(alipaySandbox.retryScheduleSeconds).toHaveLength(7);
    const total = alipaySandbox.retryScheduleSeconds.reduce((sum, seconds) => sum + seconds, 0);
    expect(total / 3600).toBeCloseTo(24.4, 1);
  });
});

describe("the notify dispatcher, with Alipay's schedule scaled 1000×", () => {
  it("retries a notify answered `fail` after 4 scaled minutes, and stops once answered `success`", async () => {
    const prisma = await getPrisma();
    // Earlier tests queued notifies too; this one follows only its own.
    await prisma.sandboxNotify.deleteMany({});
    receiver.received.length = 0;
    receiver.answers.push("fail");

    const trade = await paidTrade("ND-1", 880);
    const first = new Date();
    expect(await dispatchDueNotifies({ timeScale: 1000, now: first })).toBe(1);
    expect(receiver.received).toHaveLength(1);
    let row = await prisma.sandboxNotify.findFirstOrThrow({ where: { tradeId: trade.id } });
    expect(row).toMatchObject({ state: "PENDING", attempts: 1, lastStatus: 500, lastError: "fail" });
    expect(row.nextAttemptAt.getTime() - first.getTime()).toBe(240);

    expect(await dispatchDueNotifies({ timeScale: 1000, now: new Date(first.getTime() + 200) })).toBe(0);
    expect(await dispatchDueNotifies({ timeScale: 1000, now: new Date(first.getTime() + 240) })).toBe(1);
    row = await prisma.sandboxNotify.findFirstOrThrow({ where: { tradeId: trade.id } });
    expect(row).toMatchObject({ state: "DELIVERED", attempts: 2, lastStatus: 200 });

    expect(receiver.received).toHaveLength(2);
    for (const notify of receiver.received) {
      expect(await adapter.verifyPaymentNotify(notify)).toMatchObject({
        ok: true,
        event: { orderNo: "ND-1", state: "PAID", amountFen: 880 },
      });
    }
  });

  it("sends a refund's notify to the payment's notify_url", async () => {
    const prisma = await getPrisma();
    await prisma.sandboxNotify.deleteMany({});
    receiver.received.length = 0;
    await paidTrade("ND-2", 300);
    await adapter.refund({
      orderNo: "ND-2",
      refundNo: "ND-2-R1",
      refundFen: 300,
      totalFen: 300,
      reason: "",
      notifyUrl: "",
    });

    expect(await dispatchDueNotifies({ timeScale: 1000 })).toBe(2);
    const verdicts = await Promise.all(receiver.received.map((notify) => adapter.verifyRefundNotify(notify)));
    expect(verdicts).toContainEqual(
      expect.objectContaining({ ok: true, event: expect.objectContaining({ orderNo: "ND-2", refundNo: "ND-2-R1" }) }),
    );
    expect(await prisma.sandboxNotify.count({ where: { state: "DELIVERED" } })).toBe(2);
  });
});
