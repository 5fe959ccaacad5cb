import type { RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { checkOrder } from "@/lib/recharge/check-order";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { consume } from "@/lib/rate-limit";
import type { TradeState } from "@/lib/payments/types";

const perUser = { name: "order-check-user", points: 30, durationSeconds: 60 };
/** At most one provider query per order in this window, however often the button is pressed. */
export const checkThrottleMs = 5_000;

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
  const prisma = await getPrisma();
  // Claim the check: only one caller per window gets to query the provider.
  const claimed = await prisma.rechargeOrder.updateMany({
    where: {
      id: order.id,
      OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: new Date(now.getTime() - checkThrottleMs) } }],
    },
    data: { lastCheckedAt: now },
  });
  if (!claimed.count) return { order, providerState: null };
  const result = await checkOrder({ order, source: "user", now });
  return {
    order: await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } }),
    providerState: result.providerState,
  };
}
