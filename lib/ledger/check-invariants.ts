import type { PrismaClient } from "@prisma/client";

export interface InvariantViolation {
  rule:
    | "balance_matches_entries"
    | "balance_after_chain"
    | "no_unallowed_negative_balance"
    | "paid_order_has_one_recharge"
    | "recharge_has_paid_order"
    | "lots_hold_the_balance"
    | "lot_remaining_in_range"
    | "lot_draws_match_lot"
    | "entry_draws_match_delta"
    | "credit_lots_match_delta"
    | "closed_lot_has_one_entry"
    | "held_credits_in_range"
    | "event_for_every_movement";
  userId: string;
  detail: string;
}

/**
 * The ledger's invariants, checked against the database as it is:
 * every cached balance equals the sum of the user's entries, each entry's balanceAfter
 * continues the previous one, no balance is negative unless an admin allowed it, every paid
 * order has exactly one recharge entry of its credits, and every recharge entry has a paid order.
 * The wallet's: the lots hold exactly the balance (all of a positive one, nothing while it is
 * below zero), 0 ≤ remaining ≤ amount, a lot's draws are what it lost, a debit's draws plus what
 * no lot covered are its delta, a credit's lots are its delta, an expired or voided lot is empty
 * with exactly one EXPIRE or VOID entry, held credits are within the balance's reach, and every
 * wallet movement since lots exist has its outbox event.
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

  violations.push(...(await checkWalletInvariants(prisma)));
  return violations;
}

async function checkWalletInvariants(prisma: PrismaClient): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  const report = (rule: InvariantViolation["rule"], rows: { userId: string; detail: string }[]) => {
    for (const row of rows) violations.push({ rule, userId: row.userId, detail: row.detail });
  };

  report(
    "lots_hold_the_balance",
    await prisma.$queryRaw`
      SELECT u.id AS "userId",
             format('balance %s but lots hold %s', u.balance, COALESCE(SUM(l.remaining), 0)) AS detail
      FROM "User" u LEFT JOIN "CreditLot" l ON l."userId" = u.id
      GROUP BY u.id, u.balance
      HAVING COALESCE(SUM(l.remaining), 0) <> GREATEST(u.balance, 0)`,
  );
  report(
    "lot_remaining_in_range",
    await prisma.$queryRaw`
      SELECT "userId", format('lot %s has %s of %s left', id, remaining, amount) AS detail
      FROM "CreditLot" WHERE remaining < 0 OR remaining > amount OR amount <= 0`,
  );
  report(
    "lot_draws_match_lot",
    await prisma.$queryRaw`
      SELECT l."userId", format('lot %s lost %s but its draws sum to %s', l.id, l.amount - l.remaining,
                                COALESCE(SUM(d.amount), 0)) AS detail
      FROM "CreditLot" l LEFT JOIN "LotDraw" d ON d."lotId" = l.id
      GROUP BY l.id
      HAVING l.amount - l.remaining <> COALESCE(SUM(d.amount), 0)`,
  );
  // Entries written before lots existed (their balance became a MIGRATION lot) have no draws.
  report(
    "entry_draws_match_delta",
    await prisma.$queryRaw`
      SELECT e."userId", format('debit %s of %s drew %s and left %s uncovered', e.id, e.delta,
                                COALESCE(SUM(d.amount), 0), e.uncovered) AS detail
      FROM "LedgerEntry" e LEFT JOIN "LotDraw" d ON d."entryId" = e.id
      WHERE e.delta < 0 AND NOT EXISTS (
        SELECT 1 FROM "CreditLot" m WHERE m."userId" = e."userId" AND m.source = 'MIGRATION' AND m."createdAt" >= e."createdAt")
      GROUP BY e.id
      HAVING COALESCE(SUM(d.amount), 0) + e.uncovered <> -e.delta OR e.uncovered < 0`,
  );
  report(
    "credit_lots_match_delta",
    await prisma.$queryRaw`
      SELECT e."userId", format('credit %s of %s made lots of %s', e.id, e.delta, COALESCE(SUM(l.amount), 0)) AS detail
      FROM "LedgerEntry" e LEFT JOIN "CreditLot" l ON l."entryId" = e.id
      WHERE e.delta > 0 AND NOT EXISTS (
        SELECT 1 FROM "CreditLot" m WHERE m."userId" = e."userId" AND m.source = 'MIGRATION' AND m."createdAt" >= e."createdAt")
      GROUP BY e.id
      HAVING COALESCE(SUM(l.amount), 0) <> e.delta`,
  );
  report(
    "closed_lot_has_one_entry",
    await prisma.$queryRaw`
      SELECT l."userId", format('lot %s (expired %s, voided %s, %s left) has %s closing entries', l.id,
                                l."expiredAt" IS NOT NULL, l."voidedAt" IS NOT NULL, l.remaining, COUNT(e.id)) AS detail
      FROM "CreditLot" l
      LEFT JOIN "LedgerEntry" e ON e."idempotencyKey" IN ('expire:' || l.id, 'void:' || l.id)
      GROUP BY l.id
      HAVING COUNT(e.id) <> (CASE WHEN l."expiredAt" IS NOT NULL OR l."voidedAt" IS NOT NULL THEN 1 ELSE 0 END)
          OR ((l."expiredAt" IS NOT NULL OR l."voidedAt" IS NOT NULL) AND l.remaining <> 0)
          OR (l."expiredAt" IS NOT NULL AND l."voidedAt" IS NOT NULL)`,
  );
  report(
    "held_credits_in_range",
    await prisma.$queryRaw`
      SELECT id AS "userId", format('holds reserve %s of a balance of %s', "heldCredits", balance) AS detail
      FROM "User" WHERE "heldCredits" < 0`,
  );
  // Each movement of a wallet since lots exist is heard about: recharges as order.paid, the
  // rest as credits.* events naming their entry.
  report(
    "event_for_every_movement",
    await prisma.$queryRaw`
      WITH movements AS (
        SELECT e.* FROM "LedgerEntry" e
        WHERE NOT EXISTS (
          SELECT 1 FROM "CreditLot" m WHERE m."userId" = e."userId" AND m.source = 'MIGRATION' AND m."createdAt" >= e."createdAt")
      )
      SELECT e."userId", format('recharge entry %s has no order.paid event', e.id) AS detail
      FROM movements e
      WHERE e.kind = 'RECHARGE'
        AND NOT EXISTS (SELECT 1 FROM "Event" v WHERE v.type = 'order.paid' AND v.data->>'orderNo' = e.reference)
      UNION ALL
      SELECT e."userId", format('%s entry %s has no event', e.kind, e.id) AS detail
      FROM movements e
      WHERE e.kind <> 'RECHARGE' AND NOT EXISTS (SELECT 1 FROM "Event" v WHERE v.data->>'entryId' = e.id)`,
  );
  return violations;
}
