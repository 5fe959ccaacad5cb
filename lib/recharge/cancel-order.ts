import type { RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkOrder } from "@/lib/recharge/check-order";
import { getOwnOrder } from "@/lib/recharge/get-own-order";

/**
 * The user gives up on a pending order. The provider is asked first: if the money already
 * arrived, the order is credited instead of cancelled.
 */
export async function cancelOrder(userId: string, orderNo: string): Promise<RechargeOrder> {
  const order = await getOwnOrder(userId, orderNo);
  if (order.status === "CLOSED") return order;
  if (order.status !== "PENDING") throw new AppError("CONFLICT", "order_already_paid");
  await checkOrder({ order, source: "cancel", closeAs: "CANCELLED" });
  const prisma = await getPrisma();
  return prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } });
}
