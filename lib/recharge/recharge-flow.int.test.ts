import { randomBytes } from "node:crypto";
import type { Provider } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { subscribeToOrder, type OrderEvent } from "@/lib/events/order-events";
import { loadDefaultConfig } from "@/lib/payment-configs/load-adapter";
import { cancelOrder } from "@/lib/recharge/cancel-order";
import { createOrder } from "@/lib/recharge/create-order";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { orderEventStream } from "@/lib/recharge/order-stream";
import { readOrderStatus } from "@/lib/recharge/read-order-status";
import { requestCheck } from "@/lib/recharge/request-check";
import { expireDueOrders, reconcileOrders } from "@/lib/recharge/sweep-orders";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { deliverNotifies, newTestUser, payOnPhone, setUpSandboxApp } from "@/lib/testing/sandbox-app";

setUpSandboxApp();

const newUser = () => newTestUser();

async function standardPackage() {
  return (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
}

async function placeOrder(provider: Provider, userId: string, channel: "QR" | "H5" = "QR") {
  const pkg = await standardPackage();
  return createOrder({ userId, packageId: pkg.id, provider, channel, clientKey: randomBytes(8).toString("hex") });
}

afterEach(async () => {
  await clearFaults();
});

async function ledgerFor(userId: string) {
  return (await getPrisma()).ledgerEntry.findMany({ where: { userId }, orderBy: { seq: "asc" } });
}

describe.each(["WECHAT", "ALIPAY"] as const)("recharge through the %s sandbox", (provider) => {
  it("create → pay on the phone → notify → PAID, credited once, live event sent", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    expect(order.status).toBe("PENDING");
    expect(order.priceFen).toBe(3_000);
    expect(order.credits).toBe(330);

    const events: OrderEvent[] = [];
    const unsubscribe = await subscribeToOrder(order.orderNo, (event) => events.push(event));
    await payOnPhone(order.payUrl);
    await deliverNotifies();

    const paid = await getOwnOrder(user.id, order.orderNo);
    expect(paid.status).toBe("PAID");
    expect(paid.paidAmountFen).toBe(3_000);
    expect(paid.providerTradeNo).toBeTruthy();
    expect(paid.late).toBe(false);
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(330);
    expect(await ledgerFor(user.id)).toMatchObject([
      { delta: 330, balanceAfter: 330, kind: "RECHARGE", idempotencyKey: `recharge:${order.orderNo}`, seq: 1 },
    ]);
    // The package's credits as a PAID lot, its bonus as a PROMOTIONAL one, both from this order.
    const lots = await prisma.creditLot.findMany({ where: { userId: user.id }, orderBy: { category: "asc" } });
    expect(lots).toMatchObject([
      { category: "PAID", source: "RECHARGE", amount: 300, remaining: 300, expiresAt: null, reference: order.orderNo },
      {
        category: "PROMOTIONAL",
        source: "BONUS",
        amount: 30,
        remaining: 30,
        expiresAt: null,
        reference: order.orderNo,
      },
    ]);
    const [paidEvent] = await prisma.event.findMany({ where: { userId: user.id } });
    expect(paidEvent).toMatchObject({
      type: "order.paid",
      data: { orderNo: order.orderNo, amountFen: 3_000, credits: 330, bonusCredits: 30, balance: 330, sandbox: true },
    });
    const callbacks = await prisma.paymentCallback.findMany({ where: { orderNo: order.orderNo } });
    expect(callbacks).toMatchObject([{ verified: true, outcome: "CREDITED" }]);
    // The admin timeline sorts by time: the notify is stamped on arrival, before what it caused.
    const paidHistory = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "paid" } });
    expect(callbacks[0]!.createdAt.getTime()).toBeLessThanOrEqual(paidHistory.createdAt.getTime());
    await expect.poll(() => events.map((event) => event.status)).toContain("PAID");
    unsubscribe();
  });

  it("the same client key makes one order, however often it is sent", async () => {
    const user = await newUser();
    const pkg = await standardPackage();
    const input = { userId: user.id, packageId: pkg.id, provider, channel: "QR" as const, clientKey: "double-click-1" };
    const orders = await Promise.all([createOrder(input), createOrder(input), createOrder(input)]);
    expect(new Set(orders.map((order) => order.orderNo)).size).toBe(1);
    expect(await (await getPrisma()).rechargeOrder.count({ where: { userId: user.id } })).toBe(1);
  });

  it("the same client key with another package, provider or channel is a conflict, not the earlier order", async () => {
    const user = await newUser();
    const pkg = await standardPackage();
    const other = await (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "starter" } });
    const input = { userId: user.id, packageId: pkg.id, provider, channel: "QR" as const, clientKey: "reused-key-1" };
    const first = await createOrder(input);
    const conflict = { code: "CONFLICT", message: "idempotency_key_reused", status: 409 };
    await expect(createOrder({ ...input, packageId: other.id })).rejects.toMatchObject(conflict);
    await expect(
      createOrder({ ...input, provider: provider === "WECHAT" ? "ALIPAY" : "WECHAT" }),
    ).rejects.toMatchObject(conflict);
    await expect(createOrder({ ...input, channel: "H5" })).rejects.toMatchObject(conflict);
    expect((await createOrder(input)).orderNo).toBe(first.orderNo);
    expect(await (await getPrisma()).rechargeOrder.count({ where: { userId: user.id } })).toBe(1);
  });

  it("50 duplicate notifies at once credit exactly once", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    await setFaults(`trade:${order.orderNo}`, { duplicateNotifies: 49 });
    await payOnPhone(order.payUrl);
    await deliverNotifies();
    const prisma = await getPrisma();
    expect(await ledgerFor(user.id)).toHaveLength(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(330);
    const outcomes = await prisma.paymentCallback.groupBy({
      by: ["outcome"],
      where: { orderNo: order.orderNo },
      _count: true,
    });
    expect(Object.fromEntries(outcomes.map((row) => [row.outcome, row._count]))).toEqual({
      CREDITED: 1,
      ALREADY_CREDITED: 49,
    });
  });

  it("notify, cancel, expiry and reconciliation racing on a paid order: one credit, order PAID", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    await payOnPhone(order.payUrl);
    const later = new Date(order.expiresAt.getTime() + 1_000);
    const prisma = await getPrisma();
    await prisma.rechargeOrder.update({ where: { id: order.id }, data: { nextCheckAt: new Date(0) } });
    const results = await Promise.allSettled([
      deliverNotifies(1),
      // A cancel that reads the order after another racer credited it is refused; that is its answer.
      cancelOrder(user.id, order.orderNo).catch((error: unknown) => {
        if (!(error instanceof AppError) || error.message !== "order_already_paid") throw error;
      }),
      expireDueOrders({ now: later }),
      reconcileOrders({ now: later }),
      requestCheck(user.id, order.orderNo),
    ]);
    expect(results.filter((result) => result.status === "rejected").map((result) => String(result.reason))).toEqual([]);
    const final = await getOwnOrder(user.id, order.orderNo);
    expect(final.status).toBe("PAID");
    expect(await ledgerFor(user.id)).toHaveLength(1);
  });

  it("a payment after the order expired here is credited and flagged late", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    const later = new Date(order.expiresAt.getTime() + 1_000);
    // Other pending orders of this file may expire at the same time; this one must be among them.
    expect(await expireDueOrders({ now: later })).toBeGreaterThanOrEqual(1);
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("CLOSED");

    await setFaults(`trade:${order.orderNo}`, { payAfterExpiry: true });
    await payOnPhone(order.payUrl);
    await deliverNotifies();
    const paid = await getOwnOrder(user.id, order.orderNo);
    expect(paid.status).toBe("PAID");
    expect(paid.late).toBe(true);
    expect(await ledgerFor(user.id)).toHaveLength(1);
    const events = await (await getPrisma()).orderEvent.findMany({ where: { orderId: order.id } });
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(["closed", "paid_late"]));
  });

  it("a dropped notify is credited by reconciliation", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    await setFaults(`trade:${order.orderNo}`, { dropNotifies: "all" });
    await payOnPhone(order.payUrl);
    await deliverNotifies();
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PENDING");
    await reconcileOrders({ now: new Date(Date.now() + 120_000) });
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PAID");
    expect(await ledgerFor(user.id)).toHaveLength(1);
  });

  it('a dropped notify is credited at once by "I have paid", which is throttled', async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    await setFaults(`trade:${order.orderNo}`, { dropNotifies: "all" });
    expect((await requestCheck(user.id, order.orderNo)).providerState).toBe("PENDING");
    await payOnPhone(order.payUrl);
    // Pressed again at once: not asked again.
    expect((await requestCheck(user.id, order.orderNo)).providerState).toBeNull();
    const later = new Date(Date.now() + 6_000);
    const result = await requestCheck(user.id, order.orderNo, later);
    expect(result.providerState).toBe("PAID");
    expect(result.order.status).toBe("PAID");
    expect(await ledgerFor(user.id)).toHaveLength(1);
  });

  it("cancel asks the provider first; an unpaid order closes there and here", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    const cancelled = await cancelOrder(user.id, order.orderNo);
    expect(cancelled.status).toBe("CLOSED");
    expect(cancelled.closeReason).toBe("CANCELLED");
    await expect(payOnPhone(order.payUrl)).rejects.toThrow(/TRADE_CLOSED/);
    expect(await ledgerFor(user.id)).toHaveLength(0);
  });

  it("a provider outage during creation gives a clear error and leaves nothing payable", async () => {
    const user = await newUser();
    const { config } = await loadDefaultConfig(provider);
    const merchant = await (
      await getPrisma()
    ).sandboxMerchant.findFirstOrThrow({
      where: { provider, appId: config.appId, merchantId: config.merchantId },
    });
    await setFaults(`merchant:${merchant.id}`, { providerDown: "error" });
    await expect(placeOrder(provider, user.id)).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: "provider_unavailable",
    });
    const orders = await (await getPrisma()).rechargeOrder.findMany({ where: { userId: user.id } });
    expect(orders).toMatchObject([{ status: "CLOSED", closeReason: "PROVIDER_ERROR", payUrl: null }]);
  });

  it("a wrong paid amount is not credited and the order is flagged", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    await setFaults(`trade:${order.orderNo}`, { wrongAmount: true });
    await payOnPhone(order.payUrl);
    await deliverNotifies();
    const flagged = await getOwnOrder(user.id, order.orderNo);
    expect(flagged.status).toBe("PENDING");
    expect(flagged.anomaly).toMatch(/paid 3001 fen, order is 3000 fen/);
    expect(await ledgerFor(user.id)).toHaveLength(0);
  });

  it("forged signatures and probes are rejected and stored, nothing credited", async () => {
    const user = await newUser();
    const order = await placeOrder(provider, user.id);
    await setFaults(`trade:${order.orderNo}`, { badSignature: true, signatureProbe: true, dropNotifies: 1 });
    await payOnPhone(order.payUrl);
    await dispatchDueNotifies({ timeScale: 100_000 });
    await dispatchDueNotifies({ timeScale: 100_000, now: new Date(Date.now() + 60_000) });
    const prisma = await getPrisma();
    const callbacks = await prisma.paymentCallback.findMany({ where: { configId: order.configId, verified: false } });
    expect(callbacks.length).toBeGreaterThanOrEqual(2);
    expect(callbacks.every((callback) => callback.outcome.startsWith("REJECTED"))).toBe(true);
    expect(callbacks.map((callback) => callback.rejection)).toEqual(
      expect.arrayContaining(provider === "WECHAT" ? ["SIGNATURE_PROBE", "BAD_SIGNATURE"] : ["BAD_SIGNATURE"]),
    );
    // A notify that does not verify is never believed. If it names our order (readable in
    // Alipay's form, not in WeChat's encrypted body) we ask the provider ourselves; either way
    // reconciliation finds the payment, and it is credited once.
    await reconcileOrders({ now: new Date(Date.now() + 120_000) });
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PAID");
    expect(await ledgerFor(user.id)).toHaveLength(1);
  });
});

describe("someone else's order", () => {
  it("cannot be read, cancelled, checked or streamed: it does not exist for them", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const order = await placeOrder("WECHAT", owner.id);
    const notFound = { code: "NOT_FOUND", status: 404 };
    await expect(getOwnOrder(stranger.id, order.orderNo)).rejects.toMatchObject(notFound);
    await expect(cancelOrder(stranger.id, order.orderNo)).rejects.toMatchObject(notFound);
    await expect(requestCheck(stranger.id, order.orderNo)).rejects.toMatchObject(notFound);
    await expect(
      readOrderStatus({ session: { userId: stranger.id, sessionVersion: 0 }, orderNo: order.orderNo }),
    ).rejects.toMatchObject(notFound);
    await expect(
      orderEventStream({
        session: { userId: stranger.id, sessionVersion: 0 },
        orderNo: order.orderNo,
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject(notFound);
    expect((await getOwnOrder(owner.id, order.orderNo)).status).toBe("PENDING");
  });
});
