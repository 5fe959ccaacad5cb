import { Prisma, type RechargeOrder } from "@prisma/client";
import { getDatabase } from "@/lib/db";

/**
 * An order by its number. Straight to the driver on purpose: notifies come here (see
 * Database.query); the row comes back exactly as findUnique returns it.
 */
export async function findOrderByNo(orderNo: string): Promise<RechargeOrder | null> {
  const db = await getDatabase();
  const rows = await db.query<RechargeOrder>(Prisma.sql`SELECT * FROM "RechargeOrder" WHERE "orderNo" = ${orderNo}`);
  return rows[0] ?? null;
}
