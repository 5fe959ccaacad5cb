import type { Refund } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import type { RefundStatus } from "@/lib/payments/types";
import { applyRefundStatus } from "@/lib/refunds/apply-refund-status";
import { refundRequest } from "@/lib/refunds/refund-request";
import { reconcileBackoffMs } from "@/lib/recharge/sweep-orders";

const leaseMs = 60_000;

async function claim(now: Date, limit: number): Promise<Refund[]> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Refund" SET "nextCheckAt" = ${new Date(now.getTime() + leaseMs)}
    WHERE id IN (
      SELECT id FROM "Refund"
      WHERE status = 'PROCESSING' AND "nextCheckAt" <= ${now}
      ORDER BY "nextCheckAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (!rows.length) return [];
  return prisma.refund.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
}

/**
 * What the provider says about a refund now. The refund request itself is sent again under
 * the same refund number: both providers treat that as the same refund (idempotent) and
 * answer with its state, and a request that was lost on the way gets through this time.
 */
async function providerStatus(refund: Refund): Promise<RefundStatus> {
  const prisma = await getPrisma();
  const order = await prisma.rechargeOrder.findUniqueOrThrow({ where: { orderNo: refund.orderNo } });
  const { config, adapter } = await loadConfig(order.configId);
  return adapter.refund(refundRequest(order, refund, config));
}

/** Settles refunds whose outcome the provider has not told us, asking with backoff. */
export async function reconcileRefunds({ now = new Date(), limit = 20 } = {}): Promise<number> {
  const refunds = await claim(now, limit);
  const prisma = await getPrisma();
  await Promise.all(
    refunds.map(async (refund) => {
      try {
        const outcome = await applyRefundStatus(await providerStatus(refund), "query");
        if (outcome === "REFUND_PROCESSING") {
          const wait = reconcileBackoffMs[Math.min(refund.checkAttempts, reconcileBackoffMs.length - 1)]!;
          await prisma.refund.update({
            where: { id: refund.id },
            data: { checkAttempts: { increment: 1 }, nextCheckAt: new Date(now.getTime() + wait) },
          });
        }
      } catch (error) {
        logger.warn("refund check failed; will retry", { refundNo: refund.refundNo, error });
      }
    }),
  );
  return refunds.length;
}
