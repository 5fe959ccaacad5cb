import type { RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { publishOrderEvent } from "@/lib/events/order-events";
import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { ProviderError, type TradeState } from "@/lib/payments/types";
import { recordOrderEvent } from "@/lib/recharge/record-event";
import { settleOrder, type SettleOutcome } from "@/lib/recharge/settle-order";

export type CloseReason = "EXPIRED" | "CANCELLED" | "ADMIN";

export interface CheckOptions {
  order: RechargeOrder;
  /** What asked: "user", "reconcile", "expiry", "cancel", "admin", "notify". */
  source: string;
  /** Close the order (here and at the provider) if the provider says it is unpaid. */
  closeAs?: CloseReason;
  now?: Date;
}

export interface CheckResult {
  providerState: TradeState;
  settled?: SettleOutcome;
  closed: boolean;
}

// After closing, keep asking now and then for a day: a code that was already on a phone can
// still be paid at some providers until its own expiry, and its notify could be lost.
const afterCloseCheckMs = 5 * 60_000;

async function closeLocally(order: RechargeOrder, reason: CloseReason, source: string, now: Date): Promise<boolean> {
  const prisma = await getPrisma();
  const closed = await prisma.$transaction(async (tx) => {
    const updated = await tx.rechargeOrder.updateMany({
      where: { id: order.id, status: "PENDING" },
      data: {
        status: "CLOSED",
        closedAt: now,
        closeReason: reason,
        nextCheckAt: new Date(now.getTime() + afterCloseCheckMs),
      },
    });
    if (updated.count) await recordOrderEvent(tx, order.id, "closed", { reason, source });
    return updated.count === 1;
  });
  if (closed) {
    await publishOrderEvent({ orderNo: order.orderNo, status: "CLOSED" }).catch((error: unknown) =>
      logger.warn("could not publish an order event", { orderNo: order.orderNo, error }),
    );
  }
  return closed;
}

/**
 * Asks the provider about an order with our own credentials and acts on the answer: a paid
 * order is settled; with `closeAs`, an unpaid one is closed at the provider first and then
 * here. A local close never happens while the provider might still take the money.
 */
export async function checkOrder({ order, source, closeAs, now = new Date() }: CheckOptions): Promise<CheckResult> {
  const { config, adapter } = await loadConfig(order.configId);
  let trade = await adapter.queryPayment(order.orderNo);
  if (trade.state === "PAID" || trade.state === "REFUNDED") {
    return {
      providerState: trade.state,
      settled: await settleOrder({ orderNo: order.orderNo, config, trade, source, now }),
      closed: false,
    };
  }
  if (!closeAs || order.status !== "PENDING") return { providerState: trade.state, closed: false };

  try {
    await adapter.closePayment(order.orderNo);
  } catch (error) {
    // The provider refused to close: most likely it was paid in the meantime. Ask again.
    if (!(error instanceof ProviderError) || error.kind !== "REJECTED") throw error;
    trade = await adapter.queryPayment(order.orderNo);
    if (trade.state === "PAID" || trade.state === "REFUNDED") {
      return {
        providerState: trade.state,
        settled: await settleOrder({ orderNo: order.orderNo, config, trade, source, now }),
        closed: false,
      };
    }
    throw error;
  }
  return { providerState: trade.state, closed: await closeLocally(order, closeAs, source, now) };
}
