import type { CreditCategory } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface Balance {
  /** Spendable credits (effective, unexpired lots), less what the balance owes below zero. */
  total: number;
  /** Reserved by active holds. */
  held: number;
  available: number;
  byCategory: Record<CreditCategory, number>;
  /** The soonest expiry among spendable lots and how many credits expire then. */
  nextExpiry: { at: Date; amount: number } | null;
}

/**
 * A user's balance as the lots say, at `now`: lots past their expiry no longer count even
 * before the expiry job has turned them into EXPIRE entries.
 */
export async function getBalance(userId: string, now = new Date()): Promise<Balance> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { balance: true, heldCredits: true } });
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  const lots = await prisma.$queryRaw<{ category: CreditCategory; remaining: number; expiresAt: Date | null }[]>`
    SELECT category, remaining, "expiresAt" FROM "CreditLot"
    WHERE "userId" = ${userId} AND remaining > 0 AND "effectiveAt" <= ${now}
      AND ("expiresAt" IS NULL OR "expiresAt" > ${now})`;
  const byCategory: Record<CreditCategory, number> = { PAID: 0, PROMOTIONAL: 0 };
  let nextExpiry: Balance["nextExpiry"] = null;
  for (const lot of lots) {
    byCategory[lot.category] += lot.remaining;
    if (!lot.expiresAt) continue;
    if (!nextExpiry || lot.expiresAt < nextExpiry.at) nextExpiry = { at: lot.expiresAt, amount: lot.remaining };
    else if (lot.expiresAt.getTime() === nextExpiry.at.getTime()) nextExpiry.amount += lot.remaining;
  }
  const spendable = byCategory.PAID + byCategory.PROMOTIONAL;
  const owed = Math.max(0, -user.balance);
  const total = spendable - owed;
  return { total, held: user.heldCredits, available: total - user.heldCredits, byCategory, nextExpiry };
}
