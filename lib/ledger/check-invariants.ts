import type { PrismaClient } from "@prisma/client";

export interface InvariantViolation {
  rule: "balance_matches_entries" | "balance_after_chain" | "no_unallowed_negative_balance";
  userId: string;
  detail: string;
}

/**
 * The ledger's invariants, checked against the database as it is:
 * every cached balance equals the sum of the user's entries, each entry's balanceAfter
 * continues the previous one, and no balance is negative unless an admin allowed it.
 */
export async function checkLedgerInvariants(prisma: PrismaClient): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];

  const mismatched = await prisma.$queryRaw<{ id: string; balance: number; total: bigint }[]>`
    SELECT u.id, u.balance, COALESCE(SUM(e.delta), 0)::bigint AS total
    FROM "User" u LEFT JOIN "LedgerEntry" e ON e."userId" = u.id
    GROUP BY u.id, u.balance
    HAVING u.balance <> COALESCE(SUM(e.delta), 0)`;
  for (const row of mismatched) {
    violations.push({
      rule: "balance_matches_entries",
      userId: row.id,
      detail: `cached balance ${row.balance} but entries sum to ${row.total}`,
    });
  }

  const broken = await prisma.$queryRaw<{ userId: string; id: string; expected: bigint; actual: number }[]>`
    SELECT "userId", id, expected, actual FROM (
      SELECT "userId", id, "balanceAfter" AS actual,
             SUM(delta) OVER (PARTITION BY "userId" ORDER BY "createdAt", id) AS expected
      FROM "LedgerEntry"
    ) chain WHERE expected <> actual`;
  for (const row of broken) {
    violations.push({
      rule: "balance_after_chain",
      userId: row.userId,
      detail: `entry ${row.id} says balance ${row.actual}, running sum is ${row.expected}`,
    });
  }

  const negative = await prisma.user.findMany({
    where: { balance: { lt: 0 }, allowNegativeBalance: false },
    select: { id: true, balance: true },
  });
  for (const user of negative) {
    violations.push({
      rule: "no_unallowed_negative_balance",
      userId: user.id,
      detail: `balance ${user.balance} without permission to go negative`,
    });
  }

  return violations;
}
