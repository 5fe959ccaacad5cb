import { randomBytes } from "node:crypto";
import type { PrismaClient, Provider, RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { createOrder } from "@/lib/recharge/create-order";
import { payTrade } from "@/lib/sandbox/trades";

export const bothProviders: readonly Provider[] = ["WECHAT", "ALIPAY"];

async function standardPackageId(): Promise<string> {
  const prisma = await getPrisma();
  return (await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } })).id;
}

/** `count` orders through the app, alternating providers and buyers, created concurrently. */
export async function placeOrders(
  userIds: readonly string[],
  count: number,
  providers: readonly Provider[] = bothProviders,
): Promise<RechargeOrder[]> {
  const packageId = await standardPackageId();
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      createOrder({
        userId: userIds[index % userIds.length]!,
        packageId,
        provider: providers[index % providers.length]!,
        channel: "QR",
        clientKey: randomBytes(8).toString("hex"),
      }),
    ),
  );
}

/** The payer presses "Pay" on the phone page the order's QR code opens. */
export function payOnPhone(order: RechargeOrder) {
  if (!order.payUrl) throw new Error(`order ${order.orderNo} has no payment code`);
  return payTrade(new URL(order.payUrl).pathname.split("/").at(-1)!);
}

/** A moment just after every one of `orders` expired, for the expiry job. */
export function afterExpiry(orders: readonly RechargeOrder[], plusMs = 0): Date {
  return new Date(Math.max(...orders.map((order) => order.expiresAt.getTime())) + 1_000 + plusMs);
}

/** The orders as they are now. */
export async function reload(prisma: PrismaClient, orders: readonly RechargeOrder[]): Promise<RechargeOrder[]> {
  const fresh = await prisma.rechargeOrder.findMany({ where: { id: { in: orders.map((order) => order.id) } } });
  const byId = new Map(fresh.map((order) => [order.id, order]));
  return orders.map((order) => byId.get(order.id)!);
}

/** Recharge entries per order number. */
export async function creditsByOrder(prisma: PrismaClient): Promise<Map<string, number>> {
  const entries = await prisma.ledgerEntry.groupBy({ by: ["reference"], where: { kind: "RECHARGE" }, _count: true });
  return new Map(entries.map((entry) => [entry.reference ?? "", entry._count]));
}

/** Stored notify outcomes per order number, in arrival order. */
export async function callbackOutcomes(prisma: PrismaClient): Promise<Map<string, string[]>> {
  const callbacks = await prisma.paymentCallback.findMany({ orderBy: { createdAt: "asc" } });
  const byOrder = new Map<string, string[]>();
  for (const callback of callbacks) {
    const key = callback.orderNo ?? "";
    byOrder.set(key, [...(byOrder.get(key) ?? []), callback.outcome]);
  }
  return byOrder;
}

/** What credited each order ("notify", "reconcile", "expiry", …), from its history; "" if nothing did. */
export async function creditSources(prisma: PrismaClient, orders: readonly RechargeOrder[]): Promise<string[]> {
  const events = await prisma.orderEvent.findMany({
    where: { orderId: { in: orders.map((order) => order.id) }, type: { in: ["paid", "paid_late"] } },
  });
  const source = new Map(events.map((event) => [event.orderId, (event.detail as { source?: string } | null)?.source]));
  return orders.map((order) => source.get(order.id) ?? "");
}
