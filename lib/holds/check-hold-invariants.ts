import type { PrismaClient } from "@prisma/client";

export interface HoldViolation {
  rule: "held_matches_active_holds" | "hold_resolves_once" | "capture_within_hold";
  userId: string;
  detail: string;
}

/** The capture entry's idempotency key: one per hold, so a hold is captured at most once. */
export const captureKey = (holdId: string) => `hold:${holdId}:capture`;

/**
 * The holds' invariants: a user's heldCredits is the sum of their active holds; a resolved
 * hold has its resolution time and, only if captured, exactly one capture entry of the
 * captured amount; a capture never takes more than was held.
 */
export async function checkHoldInvariants(prisma: PrismaClient): Promise<HoldViolation[]> {
  const violations: HoldViolation[] = [];

  const held = await prisma.$queryRaw<{ id: string; heldCredits: number; active: bigint }[]>`
    SELECT u.id, u."heldCredits", COALESCE(SUM(h.amount) FILTER (WHERE h.status = 'ACTIVE'), 0)::bigint AS active
    FROM "User" u LEFT JOIN "CreditHold" h ON h."userId" = u.id
    GROUP BY u.id, u."heldCredits"
    HAVING u."heldCredits" <> COALESCE(SUM(h.amount) FILTER (WHERE h.status = 'ACTIVE'), 0)`;
  for (const row of held) {
    violations.push({
      rule: "held_matches_active_holds",
      userId: row.id,
      detail: `heldCredits ${row.heldCredits} but active holds sum to ${row.active}`,
    });
  }

  const resolutions = await prisma.$queryRaw<
    { id: string; userId: string; status: string; capturedAmount: number | null; entries: bigint; debited: bigint }[]
  >`
    SELECT h.id, h."userId", h.status::text AS status, h."capturedAmount",
           COUNT(e.id) AS entries, COALESCE(-SUM(e.delta), 0)::bigint AS debited
    FROM "CreditHold" h
    LEFT JOIN "LedgerEntry" e ON e."idempotencyKey" = 'hold:' || h.id || ':capture'
    GROUP BY h.id
    HAVING (h.status = 'ACTIVE') <> (h."resolvedAt" IS NULL)
        OR (h.status = 'CAPTURED') <> (h."capturedAmount" IS NOT NULL)
        OR COUNT(e.id) <> CASE WHEN h.status = 'CAPTURED' AND h."capturedAmount" > 0 THEN 1 ELSE 0 END
        OR COALESCE(-SUM(e.delta), 0) <> COALESCE(h."capturedAmount", 0)`;
  for (const row of resolutions) {
    violations.push({
      rule: "hold_resolves_once",
      userId: row.userId,
      detail: `hold ${row.id} is ${row.status} (captured ${row.capturedAmount ?? "nothing"}) with ${row.entries} capture entries debiting ${row.debited}`,
    });
  }

  const over = await prisma.$queryRaw<{ id: string; userId: string; amount: number; capturedAmount: number }[]>`
    SELECT id, "userId", amount, "capturedAmount" FROM "CreditHold" WHERE "capturedAmount" > amount`;
  for (const row of over) {
    violations.push({
      rule: "capture_within_hold",
      userId: row.userId,
      detail: `hold ${row.id} captured ${row.capturedAmount} of ${row.amount}`,
    });
  }
  return violations;
}
