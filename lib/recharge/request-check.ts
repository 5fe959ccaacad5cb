import type { RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { checkOrder } from "@/lib/recharge/check-order";
import { claimCheck } from "@/lib/recharge/claim-check";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { consume } from "@/lib/rate-limit";
import type { TradeState } from "@/lib/payments/types";

const perUser = { name: "order-check-user", points: 30, durationSeconds: 60 };

export interface CheckRequestResult {
  order: RechargeOrder;
  /** What the provider said; null when the order was checked moments ago and not asked again. */
  providerState: TradeState | null;
}

/** "I have paid": ask the provider now (throttled per order and per user) and settle if paid. */
export async function requestCheck(userId: string, orderNo: string, now = new Date()): Promise<CheckRequestResult> {
  const order = await getOwnOrder(userId, orderNo);
  if (order.status !== "PENDING" && order.status !== "CLOSED") return { order, providerState: null };
  await consume(perUser, userId);
  if (!(await claimCheck(order.id, now))) return { order, providerState: null };
  const prisma = await getPrisma();
  const result = await checkOrder({ order, source: "user", now });
  return {
    order: await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } }),
    providerState: result.providerState,
  };
}
