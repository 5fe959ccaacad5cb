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
import { sizes } from "@/lib/reliability/sizes";

/**
 * Where the app is frozen and killed, by the statement it runs. The settlement is one statement
 * (lib/recharge/settle-order.ts: the order's conditional UPDATE, the balance, the ledger, the
 * lots, the order's history, the outbox event and the notify's callback row in one WITH), so it
 * is killed before that statement reaches PostgreSQL, or after it committed and before its
 * answer reached the app (so before the provider is answered). It is a prepared statement: its
 * SQL text goes over the wire once per connection, its name with every execution, so the name is
 * the marker.
 */
const crashPoints = [
  { marker: settleStatementName, moment: "mid-settlement", finisher: "notify retry" },
  { marker: settleStatementName, moment: "mid-settlement", finisher: "reconciliation" },
  { marker: settleStatementName, moment: "settled, not answered", finisher: "notify retry" },
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

      const stalled =
        point.moment === "mid-settlement"
          ? app.database.stallOn(point.marker)
          : app.database.holdRepliesTo(point.marker);
      const delivering = dispatchRound();
      await within(stalled, 15_000, `the app reaching ${point.marker}`);
      await app.kill();
      await delivering;
      app.database.restore();
      // PostgreSQL saw the app's connections drop and rolled back what was open.
      await until(async () => (await openTransactions(prisma)) === 0, "the killed app's transactions to end");

      unanswered += orders.length;
      report();
      const pending = (await reload(prisma, orders)).filter((order) => order.status === "PENDING");
      if (point.moment === "mid-settlement") expect(pending.length).toBeGreaterThan(0);
      else expect(pending.length).toBeLessThan(orders.length);
      // A credit and the notify that made it are kept together or not at all.
      const kept = await prisma.paymentCallback.findMany({
        where: { orderNo: { in: orders.map((order) => order.orderNo) } },
        select: { orderNo: true, outcome: true },
      });
      const settledBeforeCrash = orders.filter((order) => !pending.some((cut) => cut.id === order.id));
      expect(kept.map((callback) => callback.orderNo).sort()).toEqual(
        settledBeforeCrash.map((order) => order.orderNo).sort(),
      );
      expect(kept.every((callback) => callback.outcome === "CREDITED")).toBe(true);

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
        // Settled before the crash (its notify kept with it) or by reconciliation: the retried notify finds it done.
        const beforeCrash = !pending.some((cut) => cut.id === order.id);
        const expected = beforeCrash
          ? ["CREDITED", "ALREADY_CREDITED"]
          : point.finisher === "reconciliation"
            ? ["ALREADY_CREDITED"]
            : ["CREDITED"];
        expect(outcomes.get(order.orderNo)).toEqual(expected);
      }
    }
  });
}
