import type { PrismaClient, Provider } from "@prisma/client";
import { expect } from "vitest";
import { ProviderError } from "@/lib/payments/types";
import { cancelOrder } from "@/lib/recharge/cancel-order";
import { createOrder } from "@/lib/recharge/create-order";
import { requestCheck } from "@/lib/recharge/request-check";
import { deliverNotifies, dispatchRound, minutesFromNow, runJobs, sleep } from "@/lib/reliability/drive";
import {
  afterExpiry,
  bothProviders,
  callbackOutcomes,
  creditSources,
  creditsByOrder,
  payOnPhone,
  placeOrders,
  reload,
} from "@/lib/reliability/orders";
import { runScenario, type Recorder } from "@/lib/reliability/scenario";
import { sizes } from "@/lib/reliability/sizes";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";

/**
 * Half the orders lose every notify, half lose the first three attempts. The retries credit
 * the second half; reconciliation finds the first half's payments.
 */
export function droppedNotifies(record: Recorder): Promise<void> {
  return runScenario({ name: "loss: dropped notifies", app: "in-process", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const orders = await placeOrders(userIds, sizes.orders);
    const lost = orders.filter((_, index) => index % 2 === 0);
    const late = orders.filter((_, index) => index % 2 === 1);
    stage.injected(`${lost.length} notifies lost for good, ${late.length} lost 3 times then delivered`);
    for (const order of lost) await setFaults(`trade:${order.orderNo}`, { dropNotifies: "all" });
    for (const order of late) await setFaults(`trade:${order.orderNo}`, { dropNotifies: 3 });
    await Promise.all(orders.map(payOnPhone));
    await deliverNotifies(prisma);

    expect((await reload(prisma, late)).map((order) => order.status)).toEqual(late.map(() => "PAID"));
    expect((await reload(prisma, lost)).map((order) => order.status)).toEqual(lost.map(() => "PENDING"));
    await runJobs(minutesFromNow(2));
    expect((await reload(prisma, lost)).map((order) => order.status)).toEqual(lost.map(() => "PAID"));
    expect(await creditSources(prisma, lost)).toEqual(lost.map(() => "reconcile"));
  });
}

async function providerDown(prisma: PrismaClient, mode: "error" | "timeout"): Promise<void> {
  for (const merchant of await prisma.sandboxMerchant.findMany()) {
    await setFaults(`merchant:${merchant.id}`, { providerDown: mode });
  }
}

function createDuringOutage(userId: string, packageId: string, provider: Provider) {
  return createOrder({ userId, packageId, provider, channel: "QR" });
}

/** No order can be made: the user is told the payment method is unavailable (HTTP 503). */
function expectUnavailable(results: PromiseSettledResult<unknown>[]): void {
  for (const result of results) {
    expect(result).toMatchObject({
      status: "rejected",
      reason: { code: "UNAVAILABLE", message: "provider_unavailable" },
    });
  }
}

/**
 * "I have paid" and cancel fail with the provider's error and change nothing. (The API routes
 * answer it as a generic 500 and the page says "could not check right now"; see
 * docs/reliability.md.)
 */
function expectProviderFailures(results: PromiseSettledResult<unknown>[]): void {
  for (const result of results) {
    expect(result.status).toBe("rejected");
    if (result.status === "rejected") expect(result.reason).toBeInstanceOf(ProviderError);
  }
}

/**
 * The provider answers nothing but errors (then nothing at all) while orders are created,
 * checked ("I have paid"), cancelled and swept. The user is told the payment method is
 * unavailable where an order cannot be made; nothing is closed while the provider might still
 * take the money; after the outage the jobs settle every order.
 */
export function providerOutage(record: Recorder): Promise<void> {
  return runScenario({ name: "loss: provider down", app: "in-process", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const orders = await placeOrders(userIds, sizes.orders);
    const paid = orders.filter((_, index) => index % 2 === 0);
    const unpaid = orders.filter((_, index) => index % 2 === 1);
    // No notifies: only our own queries can learn of these payments.
    for (const order of orders) await setFaults(`trade:${order.orderNo}`, { dropNotifies: "all" });
    await Promise.all(paid.map(payOnPhone));
    await deliverNotifies(prisma);
    const packageId = orders[0]!.packageId;

    await providerDown(prisma, "error");
    const created = await Promise.allSettled(
      bothProviders.map((provider) => createDuringOutage(userIds[0]!, packageId, provider)),
    );
    expectUnavailable(created);
    const asked = await Promise.allSettled([
      ...paid.map((order) => requestCheck(order.userId, order.orderNo)),
      ...unpaid.map((order) => cancelOrder(order.userId, order.orderNo)),
    ]);
    expectProviderFailures(asked);
    await runJobs(afterExpiry(orders));
    expect((await reload(prisma, orders)).map((order) => order.status)).toEqual(orders.map(() => "PENDING"));
    expect(await prisma.ledgerEntry.count()).toBe(0);

    // A provider that hangs: each call waits for the adapter's timeout, all of them at once.
    await providerDown(prisma, "timeout");
    const [slowCreates, slowAsks] = await Promise.all([
      Promise.allSettled(bothProviders.map((provider) => createDuringOutage(userIds[1]!, packageId, provider))),
      Promise.allSettled([
        // Past the per-order throttle of the check made moments ago.
        requestCheck(paid[0]!.userId, paid[0]!.orderNo, new Date(Date.now() + 10_000)),
        cancelOrder(unpaid[0]!.userId, unpaid[0]!.orderNo),
      ]),
    ]);
    expectUnavailable(slowCreates);
    expectProviderFailures(slowAsks);
    const failedCreates = await prisma.rechargeOrder.findMany({ where: { closeReason: "PROVIDER_ERROR" } });
    expect(failedCreates.map((order) => [order.status, order.payUrl, order.nextCheckAt])).toEqual(
      failedCreates.map(() => ["CLOSED", null, null]),
    );
    expect(failedCreates).toHaveLength(2 * bothProviders.length);
    const failed = await prisma.providerCall.count({ where: { outcome: { not: "ok" } } });
    const timedOut = await prisma.providerCall.count({ where: { outcome: "timeout" } });
    stage.injected(
      `${failed} provider calls failed (create, query, close): ${failed - timedOut} answered 5xx, ${timedOut} timed out`,
    );

    await clearFaults();
    await runJobs(afterExpiry(orders, 3_600_000));
    const settled = await reload(prisma, orders);
    expect(settled.filter((_, index) => index % 2 === 0).map((order) => order.status)).toEqual(paid.map(() => "PAID"));
    expect(settled.filter((_, index) => index % 2 === 1).map((order) => [order.status, order.closeReason])).toEqual(
      unpaid.map(() => ["CLOSED", "EXPIRED"]),
    );
  });
}

/**
 * Our database goes away while the provider delivers notifies: every notify is answered
 * "fail" (HTTP 500), the provider retries on its schedule, and once the database is back each
 * order is credited exactly once. The app runs as its own process on a proxied database; the
 * provider (the sandbox's sender, in this process) keeps its own connection.
 */
export function databaseOutage(record: Recorder): Promise<void> {
  return runScenario({ name: "loss: our database down during notifies", app: "child", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const app = stage.child!;
    const orders = await placeOrders(userIds, sizes.orders);
    await Promise.all(orders.map(payOnPhone));

    app.database.cut();
    const rounds = 3;
    let refused = 0;
    for (let round = 0; round < rounds; round++) {
      await dispatchRound();
      refused += await prisma.sandboxNotify.count({ where: { lastStatus: 500, lastError: "fail" } });
      // Longer than the first retry interval of both providers, time-scaled.
      await sleep(100);
    }
    const notifies = await prisma.sandboxNotify.findMany();
    expect(notifies.map((notify) => [notify.state, notify.attempts, notify.lastStatus, notify.lastError])).toEqual(
      notifies.map(() => ["PENDING", rounds, 500, "fail"]),
    );
    expect(await prisma.ledgerEntry.count()).toBe(0);
    stage.injected(
      `database cut under ${orders.length} notifies: ${refused} deliveries answered 500, retried on schedule`,
    );

    app.database.restore();
    await deliverNotifies(prisma);
    const outcomes = await callbackOutcomes(prisma);
    const credits = await creditsByOrder(prisma);
    for (const order of await reload(prisma, orders)) {
      expect(order.status).toBe("PAID");
      expect(credits.get(order.orderNo)).toBe(1);
      expect(outcomes.get(order.orderNo)).toEqual(["CREDITED"]);
    }
  });
}
