import type { RechargeOrder } from "@prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkOrder, type CheckResult } from "@/lib/recharge/check-order";

async function findOrder(orderNo: string): Promise<RechargeOrder> {
  const prisma = await getPrisma();
  const order = await prisma.rechargeOrder.findUnique({ where: { orderNo } });
  if (!order) throw new AppError("NOT_FOUND", "order_not_found");
  return order;
}

async function audit(actorId: string, action: string, order: RechargeOrder, result: CheckResult) {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId,
      action,
      target: order.orderNo,
      before: { status: order.status },
      after: { providerState: result.providerState, settled: result.settled ?? null, closed: result.closed },
    }),
  );
}

/** "Sync with provider": ask now and act on the answer (credit if paid). */
export async function syncOrder(orderNo: string, actorId: string): Promise<CheckResult> {
  const order = await findOrder(orderNo);
  const result = await checkOrder({ order, source: "admin" });
  await audit(actorId, "order.sync", order, result);
  return result;
}

/** Close a pending order at the provider and here; a paid one is credited instead. */
export async function closeOrderAsAdmin(orderNo: string, actorId: string): Promise<CheckResult> {
  const order = await findOrder(orderNo);
  if (order.status !== "PENDING") throw new AppError("CONFLICT", "order_not_pending");
  const result = await checkOrder({ order, source: "admin", closeAs: "ADMIN" });
  await audit(actorId, "order.close", order, result);
  return result;
}
