import { getPrisma } from "@/lib/db";
import { orderView, type OrderView } from "@/lib/recharge/order-view";

export interface ListOwnOrdersOptions {
  userId: string;
  page: number;
  pageSize: number;
}

export async function listOwnOrders({ userId, page, pageSize }: ListOwnOrdersOptions) {
  const prisma = await getPrisma();
  const [total, orders] = await Promise.all([
    prisma.rechargeOrder.count({ where: { userId } }),
    prisma.rechargeOrder.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const now = new Date();
  return { total, page, pageSize, orders: orders.map((order): OrderView => orderView(order, now)) };
}
