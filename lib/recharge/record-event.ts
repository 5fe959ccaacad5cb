import type { Prisma } from "@prisma/client";

/** Appends to an order's history, inside the caller's transaction. */
export async function recordOrderEvent(
  tx: Prisma.TransactionClient,
  orderId: string,
  type: string,
  detail?: Prisma.InputJsonObject,
): Promise<void> {
  await tx.orderEvent.create({ data: { orderId, type, detail } });
}
