import type { PrismaClient } from "@prisma/client";
import { expect } from "vitest";
import { deliverNotifies, dispatchRound, minutesFromNow, runJobs, sleep, within } from "@/lib/reliability/drive";
import {
  callbackOutcomes,
  creditSources,
  creditsByOrder,
  payOnPhone,
  placeOrders,
  reload,
} from "@/lib/reliability/orders";
import { runScenario, type Recorder } from "@/lib/reliability/scenario";
import { settleStatementName } from "@/lib/recharge/settle-order";
import { storeCallbackStatementName } from "@/lib/recharge/store-callback";
import { sizes } from "@/lib/reliability/sizes";

/**
 * Where the app is frozen and killed, by the statement it is about to run. The settlement is one
 * statement (lib/recharge/settle-order.ts: the order's conditional UPDATE, the balance, the ledger
 * insert and the order's history in one WITH), so it is killed before that statement reaches
 * PostgreSQL, or after it committed and before the provider is answered, on the callback insert
 * (lib/recharge/store-callback.ts). Both are prepared statements: their SQL text goes over the wire
 * once per connection, their name with every execution, so the name is the marker.
 */
const crashPoints = [
  { marker: settleStatementName, moment: "mid-settlement", finisher: "notify retry" },
  { marker: settleStatementName, moment: "mid-settlement", finisher: "reconciliation" },
  { marker: storeCallbackStatementName, moment: "settled, not answered", finisher: "notify retry" },
] as const;

/** Transactions left open on this database, by anyone. */
async function openTransactions(prisma: PrismaClient): Promise<number> {
  const rows = await prisma.$queryRaw<{ open: bigint }[]>`
    SELECT COUNT(*) AS open FROM pg_stat_activity
    WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
  return Number(rows[0]?.open ?? 0);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * The app process is SIGKILLed while it handles notifies (between receiving one and answering),
 * then restarted behind the same address: mid-settlement with the provider's retry finishing
 * the job, mid-settlement with reconciliation finishing it before any retry, and after the
 * settlement committed but before the answer. Each payment is credited exactly once.
 */
export function crashWhileSettling(record: Recorder): Promise<void> {
  return runScenario({ name: "crash: app killed while settling", app: "child", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const app = stage.child!;
    let unanswered = 0;
    const report = () =>
      stage.injected(
        `${crashPoints.length} SIGKILLs (2 mid-settlement, 1 settled but unanswered), ${unanswered} notifies unanswered`,
      );
    for (const point of crashPoints) {
      const orders = await placeOrders(userIds, sizes.orders);
      await Promise.all(orders.map(payOnPhone));

      const stalled = app.database.stallOn(point.marker);
      const delivering = dispatchRound();
      await within(stalled, 15_000, `the app reaching ${point.marker}`);
      await app.kill();
      await delivering;
      app.database.restore();
      // PostgreSQL saw the app's connections drop and rolled back what was open.
      await until(async () => (await openTransactions(prisma)) === 0, "the killed app's transactions to end");

      const callbacks = await prisma.paymentCallback.count({
        where: { orderNo: { in: orders.map((order) => order.orderNo) } },
      });
      expect(callbacks).toBe(0);
      unanswered += orders.length;
      report();
      const pending = (await reload(prisma, orders)).filter((order) => order.status === "PENDING");
      if (point.moment === "mid-settlement") expect(pending.length).toBeGreaterThan(0);
      else expect(pending.length).toBeLessThan(orders.length);

      await app.start();
      if (point.finisher === "reconciliation") {
        await runJobs(minutesFromNow(2));
        expect(await creditSources(prisma, pending)).toEqual(pending.map(() => "reconcile"));
      }
      await deliverNotifies(prisma);
      const credits = await creditsByOrder(prisma);
      const outcomes = await callbackOutcomes(prisma);
      for (const order of await reload(prisma, orders)) {
        expect(order.status).toBe("PAID");
        expect(credits.get(order.orderNo)).toBe(1);
        // Settled before the crash or by reconciliation: the retried notify finds it done.
        const settledEarlier = !pending.some((cut) => cut.id === order.id) || point.finisher === "reconciliation";
        expect(outcomes.get(order.orderNo)).toEqual([settledEarlier ? "ALREADY_CREDITED" : "CREDITED"]);
      }
    }
  });
}
