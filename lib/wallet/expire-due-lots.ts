import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { removeLotRemainder } from "@/lib/wallet/remove-lot-remainder";

export interface ExpireDueLotsOptions {
  now?: Date;
  limit?: number;
}

/**
 * Expires lots past their expiry: each lot's remainder becomes one EXPIRE entry. Several
 * instances may run it at once: lots are taken with SKIP LOCKED, and the entry's per-lot key
 * (checked under the wallet lock) makes a second expiry of the same lot a no-op. Returns how
 * many lots this run expired.
 */
export async function expireDueLots({ now = new Date(), limit = 200 }: ExpireDueLotsOptions = {}): Promise<number> {
  const prisma = await getPrisma();
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "CreditLot"
    WHERE "expiresAt" <= ${now} AND remaining > 0 AND "expiredAt" IS NULL AND "voidedAt" IS NULL
    ORDER BY "expiresAt" LIMIT ${limit}`;
  let expired = 0;
  for (const { id } of due) {
    const done = await prisma.$transaction(async (tx) => {
      // Another instance holding this lot is expiring it right now: leave it to that one.
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "CreditLot" WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
      if (!claimed.length) return null;
      return removeLotRemainder(tx, { lotId: id, kind: "EXPIRE", now, reason: "expired" });
    });
    if (done) expired += 1;
  }
  if (expired) logger.info("credit lots expired", { count: expired });
  return expired;
}
