import type { PaymentConfig } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { publishOrderEvent } from "@/lib/events/order-events";
import { logger } from "@/lib/log/logger";
import { isSandboxConfig } from "@/lib/payment-configs/is-sandbox";
import { livePaymentsEnabled } from "@/lib/payment-configs/offered-configs";
import { recordOrderEvent } from "@/lib/recharge/record-event";

export const sandboxRefusedReason = "sandbox payment while live payments are enabled";

export interface RefuseSandboxOptions {
  orderNo: string;
  config: Pick<PaymentConfig, "id" | "sandbox" | "gatewayUrl">;
  source: string;
  now: Date;
}

/**
 * Once real payments are on, a simulated payment is worth nothing: it is refused, and its open
 * order is closed uncredited and flagged for an operator (a conditional write, once). Returns
 * whether the payment was refused; a live config never reaches the database here, so real
 * notifies pay nothing for this check.
 */
export async function refuseSandboxPayment({ orderNo, config, source, now }: RefuseSandboxOptions): Promise<boolean> {
  if (!isSandboxConfig(config) || !(await livePaymentsEnabled())) return false;
  const prisma = await getPrisma();
  const closedNow = await prisma.$transaction(async (tx) => {
    const order = await tx.rechargeOrder.findUnique({ where: { orderNo }, select: { id: true, configId: true } });
    if (!order || order.configId !== config.id) return false;
    const closed = await tx.rechargeOrder.updateMany({
      where: {
        id: order.id,
        status: { in: ["PENDING", "CLOSED"] },
        OR: [{ closeReason: null }, { closeReason: { not: "SANDBOX_REFUSED" } }],
      },
      data: {
        status: "CLOSED",
        closedAt: now,
        closeReason: "SANDBOX_REFUSED",
        anomaly: sandboxRefusedReason,
        nextCheckAt: null,
      },
    });
    if (!closed.count) return false;
    await recordOrderEvent(tx, order.id, "anomaly", { source, reason: sandboxRefusedReason });
    return true;
  });
  if (!closedNow) return true;
  logger.warn("sandbox payment refused: live payments are enabled", { orderNo, configId: config.id, source });
  await publishOrderEvent({ orderNo, status: "CLOSED" }).catch((error: unknown) =>
    logger.warn("could not publish an order event", { orderNo, error }),
  );
  return true;
}
