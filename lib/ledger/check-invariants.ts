import type { PrismaClient } from "@prisma/client";
import { checkHoldInvariants, type HoldViolation } from "@/lib/holds/check-hold-invariants";

export interface InvariantViolation {
  rule:
    | HoldViolation["rule"]
    | "balance_matches_entries"
    | "balance_after_chain"
    | "no_unallowed_negative_balance"
    | "paid_order_has_one_recharge"
    | "recharge_has_paid_order";
  userId: string;
  detail: string;
}

/**
 * The ledger's invariants, checked against the database as it is:
 * every cached balance equals the sum of the user's entries, each entry's balanceAfter
 * continues the previous one, no balance is negative unless an admin allowed it, every paid
 * order has exactly one recharge entry of its credits, and every recharge entry has a paid order.
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
      SELECT "userId", id, "balanceAfter" AS actual, seq,
             SUM(delta) OVER (PARTITION BY "userId" ORDER BY seq) AS expected,
             ROW_NUMBER() OVER (PARTITION BY "userId" ORDER BY seq) AS position
      FROM "LedgerEntry"
    ) chain WHERE expected <> actual OR position <> seq`;
  for (const row of broken) {
    violations.push({
      rule: "balance_after_chain",
      userId: row.userId,
      detail: `entry ${row.id} says balance ${row.actual}, running sum is ${row.expected}`,
    });
  }

  // Every debit that left a balance below zero must have been allowed by an admin: for that
  // entry, or for the user in general.
  const negative = await prisma.$queryRaw<{ userId: string; id: string; balanceAfter: number }[]>`
    SELECT e."userId", e.id, e."balanceAfter"
    FROM "LedgerEntry" e JOIN "User" u ON u.id = e."userId"
    WHERE e.delta < 0 AND e."balanceAfter" < 0 AND NOT e."negativeAllowed" AND NOT u."allowNegativeBalance"`;
  for (const row of negative) {
    violations.push({
      rule: "no_unallowed_negative_balance",
      userId: row.userId,
      detail: `entry ${row.id} took the balance to ${row.balanceAfter} without permission`,
    });
  }

  const paidKinds = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];
  const unmatchedOrders = await prisma.$queryRaw<{ orderNo: string; userId: string; entries: bigint }[]>`
    SELECT o."orderNo", o."userId", COUNT(e.id) AS entries
    FROM "RechargeOrder" o
    LEFT JOIN "LedgerEntry" e
      ON e."idempotencyKey" = 'recharge:' || o."orderNo" AND e.delta = o.credits AND e."userId" = o."userId"
    WHERE o.status::text = ANY(${paidKinds})
    GROUP BY o."orderNo", o."userId"
    HAVING COUNT(e.id) <> 1`;
  for (const row of unmatchedOrders) {
    violations.push({
      rule: "paid_order_has_one_recharge",
      userId: row.userId,
      detail: `paid order ${row.orderNo} has ${row.entries} matching recharge entries`,
    });
  }

  const orphanRecharges = await prisma.$queryRaw<{ id: string; userId: string; reference: string | null }[]>`
    SELECT e.id, e."userId", e.reference
    FROM "LedgerEntry" e
    LEFT JOIN "RechargeOrder" o ON e."idempotencyKey" = 'recharge:' || o."orderNo"
    WHERE e.kind = 'RECHARGE' AND (o.id IS NULL OR NOT (o.status::text = ANY(${paidKinds})))`;
  for (const row of orphanRecharges) {
    violations.push({
      rule: "recharge_has_paid_order",
      userId: row.userId,
      detail: `recharge entry ${row.id} (${row.reference ?? "no reference"}) has no paid order`,
    });
  }

  violations.push(...(await checkHoldInvariants(prisma)));
  return violations;
}
