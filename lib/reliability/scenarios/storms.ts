import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import { cancelOrder } from "@/lib/recharge/cancel-order";
import { requestCheck } from "@/lib/recharge/request-check";
import { expireDueOrders, reconcileOrders } from "@/lib/recharge/sweep-orders";
import { createRefund } from "@/lib/refunds/create-refund";
import { deliverNotifies, dispatchRound, minutesFromNow, runJobs, sleep } from "@/lib/reliability/drive";
import {
  afterExpiry,
  callbackOutcomes,
  creditsByOrder,
  payOnPhone,
  placeOrders,
  reload,
} from "@/lib/reliability/orders";
import { runScenario, type Recorder } from "@/lib/reliability/scenario";
import { sizes } from "@/lib/reliability/sizes";
import { setFaults } from "@/lib/sandbox/faults";
import { closeTrade, TradeRefused } from "@/lib/sandbox/trades";

/** Every order paid at the provider, notified `duplicates` times at once: one credit each. */
export function duplicateNotifyStorm(record: Recorder): Promise<void> {
  return runScenario({ name: "storm: duplicate notifies", app: "in-process", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const { orders: count, duplicates } = sizes;
    await setFaults("*", { duplicateNotifies: duplicates - 1 });
    const orders = await placeOrders(userIds, count);
    await Promise.all(orders.map(payOnPhone));
    await deliverNotifies(prisma);

    const outcomes = await callbackOutcomes(prisma);
    const received = [...outcomes.values()].reduce((total, list) => total + list.length, 0);
    stage.injected(`${count} orders x ${duplicates} concurrent copies of the notify (${received} received)`);
    for (const order of await reload(prisma, orders)) {
      expect(order.status).toBe("PAID");
      const stored = outcomes.get(order.orderNo) ?? [];
      // Copies that lost a race for a connection may have been answered "retry"; every stored
      // one is either the single credit or a recognised duplicate.
      expect(stored.filter((outcome) => outcome === "CREDITED")).toHaveLength(1);
      expect(stored.filter((outcome) => outcome !== "CREDITED" && outcome !== "ALREADY_CREDITED")).toEqual([]);
    }
  });
}

/**
 * The provider holds each payment notify back until the order's refund notify went out. The
 * orders are credited by reconciliation, refunded (half fully, half partly), and the late
 * payment notify must neither credit again nor undo the refund.
 */
export function refundNotifyBeforePaymentNotify(record: Recorder): Promise<void> {
  return runScenario({ name: "storm: refund notify before pay notify", app: "in-process", record }, async (stage) => {
    const { prisma, userIds, adminId } = stage;
    await setFaults("*", { reorderNotifies: true });
    const orders = await placeOrders(userIds, sizes.orders);
    stage.injected(`${orders.length} refund notifies delivered before their payment notify`);
    await Promise.all(orders.map(payOnPhone));
    await deliverNotifies(prisma);
    expect((await reload(prisma, orders)).map((order) => order.status)).toEqual(orders.map(() => "PENDING"));

    await runJobs(minutesFromNow(2));
    const paid = await reload(prisma, orders);
    expect(paid.map((order) => order.status)).toEqual(orders.map(() => "PAID"));
    const refunds = await Promise.all(
      paid.map((order, index) =>
        createRefund({
          orderNo: order.orderNo,
          amountFen: index % 2 === 0 ? order.priceFen : 1_000,
          reason: "reorder scenario",
          actorId: adminId,
          allowNegativeBalance: false,
        }),
      ),
    );
    expect(refunds.map((refund) => refund.status)).toEqual(refunds.map(() => "SUCCESS"));
    await deliverNotifies(prisma);

    const outcomes = await callbackOutcomes(prisma);
    const credits = await creditsByOrder(prisma);
    for (const [index, order] of (await reload(prisma, orders)).entries()) {
      expect(order.status).toBe(index % 2 === 0 ? "REFUNDED" : "PARTIALLY_REFUNDED");
      expect(credits.get(order.orderNo)).toBe(1);
      // The refund's notify came first; the payment's, after it, changed nothing.
      const received = outcomes.get(order.orderNo) ?? [];
      expect(received[0]).toMatch(/^REFUND_/);
      expect(received.slice(1)).toContain("ALREADY_CREDITED");
      expect(received).not.toContain("CREDITED");
    }
  });
}

/** Refusals our own racers may legitimately meet; anything else fails the scenario. */
function expectedRejection(reason: unknown): boolean {
  // Cancel after the credit; "I have paid" pressed too often.
  return reason instanceof AppError && (reason.message === "order_already_paid" || reason.code === "RATE_LIMITED");
}

/**
 * Notify, "I have paid", cancel, the expiry job and reconciliation all at once on the same
 * orders: a third paid before the race, a third paid during it, a third never paid. Every
 * payment the provider took ends credited once; every other order ends closed.
 */
export function settlementRace(record: Recorder): Promise<void> {
  return runScenario({ name: "storm: notify/query/expiry/cancel race", app: "in-process", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const orders = await placeOrders(userIds, Math.max(9, sizes.orders));
    const group = (index: number) => (["paid before", "paid during", "never paid"] as const)[index % 3];
    await Promise.all(orders.filter((_, index) => group(index) === "paid before").map(payOnPhone));
    const during = orders.filter((_, index) => group(index) === "paid during");
    // Mid-race payers spread over the time the closes take (about a second here), so some beat
    // them and some come too late.
    const spacingMs = Math.round(1_200 / Math.max(1, during.length - 1));
    const expired = afterExpiry(orders);

    const refusedPayers: string[] = [];
    const racers: Promise<unknown>[] = [
      dispatchRound(),
      expireDueOrders({ now: expired, limit: 500 }),
      reconcileOrders({ now: expired, limit: 500 }),
      ...during.map((order, position) =>
        sleep(position * spacingMs)
          .then(() => payOnPhone(order))
          .catch((error: unknown) => {
            // Too late: the trade was closed first. Whether that cost the payer anything is
            // checked below against the provider's own record.
            if (!(error instanceof TradeRefused)) throw error;
            refusedPayers.push(order.orderNo);
          }),
      ),
      ...orders.flatMap((order) => [
        cancelOrder(order.userId, order.orderNo),
        requestCheck(order.userId, order.orderNo),
      ]),
    ];
    const results = await Promise.allSettled(racers);
    stage.injected(
      `${orders.length} orders x 6 racers (pay, notify, "I have paid", cancel, expiry, reconcile); ` +
        `${refusedPayers.length} of ${orders.filter((_, index) => group(index) === "paid during").length} ` +
        "mid-race payments refused (trade closed first)",
    );
    const unexpected = results.flatMap((result) =>
      result.status === "rejected" && !expectedRejection(result.reason) ? [String(result.reason)] : [],
    );
    expect(unexpected).toEqual([]);
    const refusedTrades = await prisma.sandboxTrade.findMany({ where: { outTradeNo: { in: refusedPayers } } });
    expect(refusedTrades.map((trade) => trade.state)).toEqual(refusedTrades.map(() => "CLOSED"));

    await deliverNotifies(prisma);
    await runJobs(afterExpiry(orders, 3_600_000));
    const final = await reload(prisma, orders);
    final.forEach((order, index) => {
      if (group(index) === "paid before") expect(order.status).toBe("PAID");
      if (group(index) === "never paid") expect(order.status).toBe("CLOSED");
    });
    // "Paid during" may go either way; the scenario's end check holds each to the provider's word.
  });
}

/**
 * The payer presses "Pay" at the moment the merchant's close reaches the provider, on every
 * order at once. Whoever wins, the payer must be told the truth: a refusal names the trade's
 * real state (the sandbox's phone page shows it), and our orders follow the provider.
 */
export function payAgainstClose(record: Recorder): Promise<void> {
  return runScenario({ name: "storm: pay vs close at the provider", app: "in-process", record }, async (stage) => {
    const { prisma, userIds } = stage;
    // Enough pairs that some closes win: those refusals are what this checks.
    const orders = await placeOrders(userIds, Math.max(20, sizes.orders));
    const trades = await prisma.sandboxTrade.findMany({
      where: { outTradeNo: { in: orders.map((order) => order.orderNo) } },
    });
    const refusals = await Promise.all(
      orders.map(async (order) => {
        const trade = trades.find((candidate) => candidate.outTradeNo === order.orderNo)!;
        const [pay] = await Promise.allSettled([payOnPhone(order), closeTrade(trade.merchantId, trade.outTradeNo)]);
        if (pay.status === "fulfilled") return null;
        if (!(pay.reason instanceof TradeRefused)) throw pay.reason;
        return { orderNo: order.orderNo, reason: pay.reason.reason };
      }),
    );
    const refused = refusals.filter((refusal) => refusal !== null);
    stage.injected(`${orders.length} payments racing the provider-side close (${refused.length} refused)`);
    const states = new Map((await prisma.sandboxTrade.findMany()).map((trade) => [trade.outTradeNo, trade.state]));
    const misreported = refused
      .filter((refusal) => refusal.reason !== `TRADE_${states.get(refusal.orderNo)}`)
      .map((refusal) => `refused as ${refusal.reason}, but the trade is ${states.get(refusal.orderNo)}`);

    await runJobs(afterExpiry(orders));
    await deliverNotifies(prisma);
    expect(misreported, `${misreported[0]} (${misreported.length} of ${refused.length} refusals)`).toEqual([]);
  });
}
