import { Prisma, type CreditCategory } from "@prisma/client";

/** What decides a lot's place in the consumption order. */
export interface OrderedLot {
  id: string;
  priority: number;
  expiresAt: Date | null;
  category: CreditCategory;
  createdAt: Date;
}

/**
 * DESIGN §7: lower priority first, then the soonest expiry (never-expiring last), then
 * promotional before paid, then the oldest; the id breaks the last ties so that every run
 * draws the same lots. The SQL below and this comparator must agree (the property test checks).
 */
export function compareConsumptionOrder(a: OrderedLot, b: OrderedLot): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const expiryA = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const expiryB = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (expiryA !== expiryB) return expiryA < expiryB ? -1 : 1;
  if (a.category !== b.category) return a.category === "PROMOTIONAL" ? -1 : 1;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt.getTime() - b.createdAt.getTime();
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The same order as an ORDER BY over "CreditLot" aliased `l`. */
export const consumptionOrderSql = Prisma.sql`l.priority ASC, l."expiresAt" ASC NULLS LAST,
  (l.category = 'PAID') ASC, l."createdAt" ASC, l.id COLLATE "C" ASC`;
