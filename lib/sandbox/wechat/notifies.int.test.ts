/**
 * WeChat sandbox notifies: built here, checked by the real adapter's verification, and
 * delivered by the shared dispatcher on WeChat's (time-scaled) retry schedule.
 */
import { randomBytes } from "node:crypto";
import type { SandboxTrade } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import type { CreatePaymentInput } from "@/lib/payments/types";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { findTrade, payTrade } from "@/lib/sandbox/trades";
import {
  provisionWechatMerchant,
  startNotifyReceiver,
  startSandboxGateway,
  type LocalServer,
  type NotifyReceiver,
  type ReceivedNotify,
  type SandboxMerchantUnderTest,
} from "./fixtures/harness";
import { wechatSandbox } from "./index";

let gateway: LocalServer;
let receiver: NotifyReceiver;
let merchant: SandboxMerchantUnderTest;
/** Per notify URL path: the statuses to answer, in order; 200 once they run out. */
const script = new Map<string, number[]>();

beforeAll(async () => {
  gateway = await startSandboxGateway();
  receiver = await startNotifyReceiver((notify) => script.get(notify.path)?.shift() ?? 200);
  merchant = await provisionWechatMerchant(gateway.origin);
});

afterAll(async () => {
  await Promise.all([gateway?.close(), receiver?.close()]);
});

const options = { wrongAmount: false, badSignature: false };

function newOrderNo(): string {
  return `R${randomBytes(8).toString("hex")}`;
}

function order(orderNo: string, amountFen: number): CreatePaymentInput {
  return {
    orderNo,
    amountFen,
    description: "330 credits",
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${receiver.origin}/pay/${orderNo}`,
  };
}

async function paidTrade(amountFen = 990): Promise<SandboxTrade> {
  const orderNo = newOrderNo();
  await merchant.adapter.createQrPayment(order(orderNo, amountFen));
  const trade = await findTrade(merchant.keys.merchant.id, orderNo);
  return payTrade(trade?.id ?? "");
}

async function refundOf(trade: SandboxTrade, refundFen: number) {
  const refundNo = `${trade.outTradeNo}-${refundFen}`;
  const status = await merchant.adapter.refund({
    orderNo: trade.outTradeNo,
    refundNo,
    refundFen,
    totalFen: trade.amountFen,
    reason: "customer asked",
    notifyUrl: `${receiver.origin}/refund/${refundNo}`,
  });
  const prisma = await getPrisma();
  const refund = await prisma.sandboxRefund.findFirstOrThrow({ where: { tradeId: trade.id, outRefundNo: refundNo } });
  return { status, refund, trade: await prisma.sandboxTrade.findUniqueOrThrow({ where: { id: trade.id } }) };
}

describe("notify content, verified by the real adapter", () => {
  it("sends TRANSACTION.SUCCESS, signed and encrypted, with the trade's ids and amount", async () => {
    const trade = await paidTrade(990);
    const notify = wechatSandbox.paymentNotify(merchant.keys, trade, { ...options, now: new Date() });
    expect(notify.headers).toMatchObject({
      "content-type": "application/json",
      "wechatpay-serial": merchant.config.providerKeyId,
    });
    expect(JSON.parse(notify.body)).toMatchObject({
      event_type: "TRANSACTION.SUCCESS",
      resource_type: "encrypt-resource",
    });
    expect(await merchant.adapter.verifyPaymentNotify(notify)).toEqual({
      ok: true,
      event: {
        orderNo: trade.outTradeNo,
        state: "PAID",
        providerTradeNo: trade.providerTradeNo,
        amountFen: 990,
        currency: "CNY",
        paidAt: new Date(Math.floor((trade.paidAt?.getTime() ?? 0) / 1000) * 1000),
        appId: merchant.config.appId,
        merchantId: merchant.config.merchantId,
      },
    });
  });

  it("injects its faults: one fen more, a corrupted signature, WeChat's SIGNTEST probe", async () => {
    const trade = await paidTrade(990);
    const now = new Date();
    const wrong = wechatSandbox.paymentNotify(merchant.keys, trade, { ...options, wrongAmount: true, now });
    expect(await merchant.adapter.verifyPaymentNotify(wrong)).toMatchObject({ ok: true, event: { amountFen: 991 } });

    const forged = wechatSandbox.paymentNotify(merchant.keys, trade, { ...options, badSignature: true, now });
    expect(await merchant.adapter.verifyPaymentNotify(forged)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });

    const probe = wechatSandbox.signatureProbe(merchant.keys, trade, now);
    expect(probe.headers["wechatpay-signature"]).toMatch(/^WECHATPAY\/SIGNTEST\//);
    expect(await merchant.adapter.verifyPaymentNotify(probe)).toMatchObject({ ok: false, reason: "SIGNATURE_PROBE" });
  });

  it("describes the payment as made even after refunds, and has nothing to say about an unpaid trade", async () => {
    const trade = await paidTrade(1000);
    const { trade: refunded } = await refundOf(trade, 1000);
    expect(refunded.state).toBe("REFUNDED");
    const notify = wechatSandbox.paymentNotify(merchant.keys, refunded, { ...options, now: new Date() });
    expect(await merchant.adapter.verifyPaymentNotify(notify)).toMatchObject({ ok: true, event: { state: "PAID" } });

    const unpaid = { ...trade, state: "PENDING" as const, paidAt: null, providerTradeNo: null };
    expect(() => wechatSandbox.paymentNotify(merchant.keys, unpaid, { ...options, now: new Date() })).toThrow(
      /not paid/,
    );
  });

  it("sends REFUND.SUCCESS with the refund the API answered, and its faults", async () => {
    const trade = await paidTrade(1000);
    const { status, refund, trade: after } = await refundOf(trade, 300);
    const now = new Date();
    const notify = wechatSandbox.refundNotify(merchant.keys, after, refund, { ...options, now });
    expect(JSON.parse(notify.body)).toMatchObject({ event_type: "REFUND.SUCCESS" });
    expect(await merchant.adapter.verifyRefundNotify(notify)).toEqual({ ok: true, event: status });

    const wrong = wechatSandbox.refundNotify(merchant.keys, after, refund, { ...options, wrongAmount: true, now });
    expect(await merchant.adapter.verifyRefundNotify(wrong)).toMatchObject({ ok: true, event: { refundFen: 301 } });
    const forged = wechatSandbox.refundNotify(merchant.keys, after, refund, { ...options, badSignature: true, now });
    expect(await merchant.adapter.verifyRefundNotify(forged)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
  });
});

describe("delivery policy", () => {
  it("takes only 200 and 204 as received", () => {
    expect([200, 204].map((status) => wechatSandbox.acknowledged(status, ""))).toEqual([true, true]);
    expect([201, 202, 302, 400, 500, 503].some((status) => wechatSandbox.acknowledged(status, "success"))).toBe(false);
  });

  it("retries on WeChat's schedule: 15 more attempts over 24 hours 4 minutes", () => {
    expect(wechatSandbox.retryScheduleSeconds).toEqual([
      15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
    ]);
    expect(wechatSandbox.retryScheduleSeconds.reduce((sum, seconds) => sum + seconds, 0)).toBe(24 * 3600 + 4 * 60);
  });
});

describe("delivery by the shared dispatcher", () => {
  // Earlier tests queued notifies too (the receiver acknowledges them): each test starts from an empty queue.
  beforeEach(async () => {
    for (let round = 0; round < 10 && (await dispatchDueNotifies({ timeScale: 1000 })) > 0; round++);
  });

  async function notifyRow(tradeId: string, kind: "PAYMENT" | "REFUND") {
    const prisma = await getPrisma();
    return prisma.sandboxNotify.findFirstOrThrow({ where: { tradeId, kind } });
  }

  function receivedAt(path: string): ReceivedNotify[] {
    return receiver.received.filter((notify) => notify.path === path);
  }

  it("retries a notify answered 500 after 15 s (scaled), then marks it delivered on 200", async () => {
    const orderNo = newOrderNo();
    script.set(`/pay/${orderNo}`, [500]);
    await merchant.adapter.createQrPayment(order(orderNo, 990));
    const created = await findTrade(merchant.keys.merchant.id, orderNo);
    await payTrade(created?.id ?? "");
    const tradeId = created?.id ?? "";

    const start = new Date();
    expect(await dispatchDueNotifies({ timeScale: 1000, now: start })).toBe(1);
    const failed = await notifyRow(tradeId, "PAYMENT");
    expect(failed).toMatchObject({ state: "PENDING", attempts: 1, lastStatus: 500 });
    expect(failed.nextAttemptAt.getTime() - start.getTime()).toBe(15);

    expect(await dispatchDueNotifies({ timeScale: 1000, now: new Date(start.getTime() + 14) })).toBe(0);
    expect(await dispatchDueNotifies({ timeScale: 1000, now: failed.nextAttemptAt })).toBe(1);
    expect(await notifyRow(tradeId, "PAYMENT")).toMatchObject({ state: "DELIVERED", attempts: 2, lastStatus: 200 });

    const deliveries = receivedAt(`/pay/${orderNo}`);
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      expect(await merchant.adapter.verifyPaymentNotify(delivery)).toMatchObject({
        ok: true,
        event: { orderNo, state: "PAID", amountFen: 990 },
      });
    }
  });

  it("delivers a refund notify to the refund's own notify_url", async () => {
    const trade = await paidTrade(1000);
    expect(await dispatchDueNotifies({ timeScale: 1000 })).toBe(1);
    const { status, refund } = await refundOf(trade, 400);
    expect(await dispatchDueNotifies({ timeScale: 1000 })).toBe(1);
    expect(await notifyRow(trade.id, "REFUND")).toMatchObject({ state: "DELIVERED", attempts: 1 });
    const [delivery] = receivedAt(`/refund/${refund.outRefundNo}`);
    expect(delivery).toBeDefined();
    expect(await merchant.adapter.verifyRefundNotify(delivery!)).toEqual({ ok: true, event: status });
  });

  it("gives up after the 16th failed attempt, each one on WeChat's scaled schedule", async () => {
    const orderNo = newOrderNo();
    script.set(
      `/pay/${orderNo}`,
      Array.from({ length: 16 }, () => 503),
    );
    await merchant.adapter.createQrPayment(order(orderNo, 990));
    const trade = await findTrade(merchant.keys.merchant.id, orderNo);
    await payTrade(trade?.id ?? "");

    let now = new Date();
    for (const seconds of wechatSandbox.retryScheduleSeconds) {
      expect(await dispatchDueNotifies({ timeScale: 1000, now })).toBe(1);
      const row = await notifyRow(trade?.id ?? "", "PAYMENT");
      expect(row.state).toBe("PENDING");
      expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(seconds);
      now = row.nextAttemptAt;
    }
    expect(await dispatchDueNotifies({ timeScale: 1000, now })).toBe(1);
    expect(await notifyRow(trade?.id ?? "", "PAYMENT")).toMatchObject({
      state: "GAVE_UP",
      attempts: 16,
      lastStatus: 503,
    });
    expect(receivedAt(`/pay/${orderNo}`)).toHaveLength(16);
  });
});
