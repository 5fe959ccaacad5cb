import type { OrderStatus, PaymentChannel } from "@prisma/client";
import { getPrisma } from "@/lib/db";

export interface OrderStats {
  byStatus: { status: OrderStatus; count: number }[];
  /** How the window's orders reached their payers: QR, phone page, inside WeChat, Alipay's website. */
  byChannel: { channel: PaymentChannel; count: number }[];
  /** Orders still waiting for payment now (any age). */
  pending: number;
  /**
   * Paid share of the window's orders that are decided (paid or closed, not still payable).
   * Orders the user cancelled are no failed payments: they are counted apart, in neither.
   */
  successRate: { paid: number; decided: number; cancelled: number };
}

const statuses: OrderStatus[] = ["PENDING", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CLOSED"];
const channels: PaymentChannel[] = ["QR", "H5", "JSAPI", "PAGE"];
const paidStatuses: OrderStatus[] = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];

/** Order counts for orders created since `since`. */
export async function orderStats(since: Date, now = new Date()): Promise<OrderStats> {
  const prisma = await getPrisma();
  const [groups, channelGroups, pending, stillPayable, cancelled] = await Promise.all([
    prisma.rechargeOrder.groupBy({ by: ["status"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    prisma.rechargeOrder.groupBy({ by: ["channel"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    prisma.rechargeOrder.count({ where: { status: "PENDING" } }),
    prisma.rechargeOrder.count({ where: { createdAt: { gte: since }, status: "PENDING", expiresAt: { gt: now } } }),
    prisma.rechargeOrder.count({ where: { createdAt: { gte: since }, status: "CLOSED", closeReason: "CANCELLED" } }),
  ]);
  const count = new Map(groups.map((group) => [group.status, group._count._all]));
  const total = [...count.values()].reduce((sum, value) => sum + value, 0);
  const paid = paidStatuses.reduce((sum, status) => sum + (count.get(status) ?? 0), 0);
  return {
    byStatus: statuses.map((status) => ({ status, count: count.get(status) ?? 0 })),
    byChannel: channels.map((channel) => ({
      channel,
      count: channelGroups.find((group) => group.channel === channel)?._count._all ?? 0,
    })),
    pending,
    successRate: { paid, decided: total - stillPayable - cancelled, cancelled },
  };
}
