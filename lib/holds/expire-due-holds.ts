import type { CreditHold } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { recordEvent } from "@/lib/outbox/record-event";

export interface ExpireDueHoldsOptions {
  limit?: number;
}

/**
 * Releases holds whose time ran out: never charged (DESIGN §7). Claims them with SKIP LOCKED
 * and the status condition inside the UPDATE, so a capture or release racing it, or another
 * instance's run, resolves each hold at most once.
 */
export async function expireDueHolds({ limit = 200 }: ExpireDueHoldsOptions = {}): Promise<number> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<CreditHold[]>`
      UPDATE "CreditHold" SET status = 'EXPIRED', "resolvedAt" = now()
      WHERE id IN (
        SELECT id FROM "CreditHold" WHERE status = 'ACTIVE' AND "expiresAt" <= now()
        ORDER BY "expiresAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      AND status = 'ACTIVE'
      RETURNING *`;
    // User rows in id order: two runs never lock them in opposite orders.
    const byUser = new Map<string, number>();
    for (const hold of expired) byUser.set(hold.userId, (byUser.get(hold.userId) ?? 0) + hold.amount);
    for (const userId of [...byUser.keys()].sort()) {
      await tx.$executeRaw`
        UPDATE "User" SET "heldCredits" = "heldCredits" - ${byUser.get(userId)!}, "updatedAt" = now()
        WHERE id = ${userId}`;
    }
    for (const hold of expired) {
      await recordEvent(tx, {
        type: "hold.expired",
        userId: hold.userId,
        data: { holdId: hold.id, userId: hold.userId, amount: hold.amount, reference: hold.reference },
      });
    }
    return expired.length;
  });
}
