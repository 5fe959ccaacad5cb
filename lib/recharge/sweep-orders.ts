import type { RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { checkOrder } from "@/lib/recharge/check-order";

// A claimed order is leased for this long; if this instance dies, another one picks it up.
const leaseMs = 60_000;
/** Waits between provider queries for an order whose notify has not come. */
export const reconcileBackoffMs = [60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000];
/** How long after a local close we still look for a late payment. */
const afterCloseWindowMs = 24 * 3_600_000;

export interface SweepOptions {
  now?: Date;
  limit?: number;
}

/** Takes due orders with SKIP LOCKED, so several instances sweep at once without sharing one. */
async function claim(due: "expired" | "unsettled", now: Date, limit: number): Promise<RechargeOrder[]> {
  const prisma = await getPrisma();
  const lease = new Date(now.getTime() + leaseMs);
  const rows =
    due === "expired"
      ? await prisma.$queryRaw<{ id: string }[]>`
          UPDATE "RechargeOrder" SET "nextCheckAt" = ${lease}
          WHERE id IN (
            SELECT id FROM "RechargeOrder"
            WHERE status = 'PENDING' AND "expiresAt" <= ${now}
              AND ("nextCheckAt" IS NULL OR "nextCheckAt" <= ${now})
            ORDER BY "expiresAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING id`
      : await prisma.$queryRaw<{ id: string }[]>`
          UPDATE "RechargeOrder" SET "nextCheckAt" = ${lease}
          WHERE id IN (
            SELECT id FROM "RechargeOrder"
            WHERE status IN ('PENDING', 'CLOSED') AND "nextCheckAt" <= ${now}
            ORDER BY "nextCheckAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING id`;
  if (!rows.length) return [];
  return prisma.rechargeOrder.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
}

/** When to ask about an order again, or null to stop (closed long enough ago). */
function nextCheck(order: RechargeOrder, now: Date): Date | null {
  if (order.status === "CLOSED" && order.closedAt && now.getTime() - order.closedAt.getTime() > afterCloseWindowMs) {
    return null;
  }
  const wait = reconcileBackoffMs[Math.min(order.checkAttempts, reconcileBackoffMs.length - 1)]!;
  const next = now.getTime() + wait;
  // A pending order must still reach the expiry sweep on time, whatever the backoff says.
  return new Date(order.status === "PENDING" ? Math.min(next, order.expiresAt.getTime()) : next);
}

async function afterCheck(order: RechargeOrder, now: Date): Promise<void> {
  const prisma = await getPrisma();
  const current = await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } });
  if (current.status !== "PENDING" && current.status !== "CLOSED") return;
  await prisma.rechargeOrder.update({
    where: { id: order.id },
    data: { checkAttempts: { increment: 1 }, lastCheckedAt: now, nextCheckAt: nextCheck(current, now) },
  });
}

async function sweep(due: "expired" | "unsettled", { now = new Date(), limit = 20 }: SweepOptions): Promise<number> {
  const orders = await claim(due, now, limit);
  await Promise.all(
    orders.map(async (order) => {
      try {
        if (due === "expired") await checkOrder({ order, source: "expiry", closeAs: "EXPIRED", now });
        else await checkOrder({ order, source: "reconcile", now });
        await afterCheck(order, now);
      } catch (error) {
        // The lease runs out and the order is tried again: a provider outage delays, never drops.
        logger.warn("order check failed; will retry", { orderNo: order.orderNo, job: due, error });
      }
    }),
  );
  return orders.length;
}

/** Closes pending orders past their expiry, after the provider confirms they are unpaid. */
export function expireDueOrders(options: SweepOptions = {}): Promise<number> {
  return sweep("expired", options);
}

/** Asks the provider about orders whose notify has not arrived, with backoff. */
export function reconcileOrders(options: SweepOptions = {}): Promise<number> {
  return sweep("unsettled", options);
}
