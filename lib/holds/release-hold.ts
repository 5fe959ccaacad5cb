import type { CreditHold } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { recordEvent } from "@/lib/outbox/record-event";
import { unresolvableHold } from "@/lib/holds/hold-outcome";

export interface ReleaseHoldOptions {
  holdId: string;
}

/**
 * Gives a hold's credits back. The status condition is inside the UPDATE, so of a release, a
 * capture and the expiry job racing for one hold exactly one wins. Releasing a released hold
 * again answers it as it is (a retried request), anything else is refused.
 */
export async function releaseHold({ holdId }: ReleaseHoldOptions): Promise<CreditHold> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const [released] = await tx.$queryRaw<CreditHold[]>`
      UPDATE "CreditHold" SET status = 'RELEASED', "resolvedAt" = now()
      WHERE id = ${holdId} AND status = 'ACTIVE' AND "expiresAt" > now()
      RETURNING *`;
    if (!released) {
      const hold = await tx.creditHold.findUnique({ where: { id: holdId } });
      if (hold?.status === "RELEASED") return hold;
      return unresolvableHold(tx, holdId);
    }
    await tx.$executeRaw`
      UPDATE "User" SET "heldCredits" = "heldCredits" - ${released.amount}, "updatedAt" = now()
      WHERE id = ${released.userId}`;
    await recordEvent(tx, {
      type: "hold.released",
      userId: released.userId,
      data: { holdId: released.id, userId: released.userId, amount: released.amount, reference: released.reference },
    });
    return released;
  });
}
