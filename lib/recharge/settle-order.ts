import type { PaymentConfig, RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { publishOrderEvent } from "@/lib/events/order-events";
import { postEntry } from "@/lib/ledger/post-entry";
import { logger } from "@/lib/log/logger";
import type { TradeStatus } from "@/lib/payments/types";
import { recordOrderEvent } from "@/lib/recharge/record-event";

export type SettleOutcome =
  /** This call credited the order. */
  | "CREDITED"
  /** The order had been credited before; nothing changed. */
  | "ALREADY_CREDITED"
  /** The provider's account of the payment does not match the order: not credited, flagged. */
  | "MISMATCH"
  /** The provider does not say the order was paid. */
  | "NOT_PAID";

export interface SettleOptions {
  order: RechargeOrder;
  config: Pick<PaymentConfig, "appId" | "merchantId">;
  /** Verified: from a notify whose signature checked out, or from our own query. */
  trade: TradeStatus;
  /** What told us, for the order's history: "notify", "query", "reconcile", … */
  source: string;
  now?: Date;
}

/** Why a payment report cannot be credited to this order, or null if it matches. */
function mismatch(order: RechargeOrder, config: SettleOptions["config"], trade: TradeStatus): string | null {
  if (trade.orderNo !== order.orderNo) return `provider reported order ${trade.orderNo}`;
  if (trade.amountFen === undefined) return "provider did not report the paid amount";
  if (trade.amountFen !== order.priceFen) return `paid ${trade.amountFen} fen, order is ${order.priceFen} fen`;
  if (trade.currency && trade.currency !== "CNY") return `paid in ${trade.currency}`;
  if (trade.appId && trade.appId !== config.appId) return `paid to app ${trade.appId}`;
  if (trade.merchantId && trade.merchantId !== config.merchantId) return `paid to merchant ${trade.merchantId}`;
  return null;
}

/**
 * Credits a paid order exactly once. The status change, the ledger entry and the balance
 * move in one transaction, and the status condition sits inside the UPDATE, so duplicate
 * notifies, queries, the expiry job and a cancel racing each other credit at most once.
 * An order closed here but paid at the provider is still credited, and flagged late.
 */
export async function settleOrder({ order, config, trade, source, now = new Date() }: SettleOptions): Promise<SettleOutcome> {
  if (trade.state !== "PAID" && trade.state !== "REFUNDED") return "NOT_PAID";
  const prisma = await getPrisma();

  const problem = mismatch(order, config, trade);
  if (problem) {
    await prisma.$transaction(async (tx) => {
      const flagged = await tx.rechargeOrder.updateMany({
        where: { id: order.id, anomaly: null },
        data: { anomaly: problem },
      });
      if (flagged.count) await recordOrderEvent(tx, order.id, "anomaly", { source, reason: problem });
    });
    logger.warn("payment does not match its order; not credited", { orderNo: order.orderNo, source, problem });
    return "MISMATCH";
  }

  const credited = await prisma.$transaction(async (tx) => {
    const updated = await tx.$queryRaw<{ late: boolean }[]>`
      UPDATE "RechargeOrder"
      SET status = 'PAID',
          "paidAt" = ${trade.paidAt ?? now},
          "paidAmountFen" = ${trade.amountFen},
          "providerTradeNo" = ${trade.providerTradeNo ?? null},
          late = (status = 'CLOSED' OR "expiresAt" < ${now}),
          "nextCheckAt" = NULL,
          "updatedAt" = ${now}
      WHERE id = ${order.id} AND status IN ('PENDING', 'CLOSED')
      RETURNING late`;
    const row = updated[0];
    if (!row) return false;
    await postEntry(tx, {
      userId: order.userId,
      delta: order.credits,
      kind: "RECHARGE",
      idempotencyKey: `recharge:${order.orderNo}`,
      reference: order.orderNo,
      reason: order.packageName,
    });
    await recordOrderEvent(tx, order.id, row.late ? "paid_late" : "paid", {
      source,
      providerTradeNo: trade.providerTradeNo ?? null,
      amountFen: trade.amountFen ?? null,
    });
    return true;
  });

  if (!credited) return "ALREADY_CREDITED";
  await publishOrderEvent({ orderNo: order.orderNo, status: "PAID" }).catch((error: unknown) =>
    logger.warn("could not publish an order event", { orderNo: order.orderNo, error }),
  );
  return "CREDITED";
}
