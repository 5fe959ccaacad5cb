import type { RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { orderNoPattern } from "@/lib/recharge/order-no";

/** The user's own order. Someone else's order is NOT_FOUND, never FORBIDDEN: its existence is not theirs to learn. */
export async function getOwnOrder(userId: string, orderNo: string): Promise<RechargeOrder> {
  if (!orderNoPattern.test(orderNo)) throw new AppError("NOT_FOUND", "order_not_found");
  const prisma = await getPrisma();
  const order = await prisma.rechargeOrder.findUnique({ where: { orderNo } });
  if (!order || order.userId !== userId) throw new AppError("NOT_FOUND", "order_not_found");
  return order;
}
