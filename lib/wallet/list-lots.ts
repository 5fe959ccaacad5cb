import type { CreditLot } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { consumptionOrderSql } from "@/lib/wallet/consumption-order";

export interface ListLotsOptions {
  userId: string;
  /** Only lots with credits left (spendable or waiting for the expiry job). */
  openOnly?: boolean;
}

/** A user's lots in the order they would be spent; emptied lots after the open ones. */
export async function listLots({ userId, openOnly = false }: ListLotsOptions): Promise<CreditLot[]> {
  const prisma = await getPrisma();
  return prisma.$queryRaw<CreditLot[]>`
    SELECT l.* FROM "CreditLot" l
    WHERE l."userId" = ${userId} AND (NOT ${openOnly} OR l.remaining > 0)
    ORDER BY (l.remaining > 0) DESC, ${consumptionOrderSql}`;
}
