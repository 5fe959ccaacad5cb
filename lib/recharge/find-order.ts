import type { RechargeOrder } from "@prisma/client";
import { getPrisma } from "@/lib/db";

/**
 * An order by its number. Raw SQL on purpose: notifies come here, and Prisma 6.19 compiles each
 * ORM query anew in WebAssembly on the event loop (about 1 ms, no plan cache); the row comes back
 * exactly as findUnique returns it.
 */
export async function findOrderByNo(orderNo: string): Promise<RechargeOrder | null> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<RechargeOrder[]>`SELECT * FROM "RechargeOrder" WHERE "orderNo" = ${orderNo}`;
  return rows[0] ?? null;
}
