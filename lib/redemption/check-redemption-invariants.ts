import type { PrismaClient } from "@prisma/client";

export type RedemptionRule = "redemption_has_one_lot" | "redemptions_within_limits";

export interface RedemptionViolation {
  rule: RedemptionRule;
  /** The user concerned, or the batch id for a batch-wide count. */
  userId: string;
  detail: string;
}

/**
 * Redemption invariants, run with the ledger's: each redemption created exactly one lot of
 * its batch's credits for its user, from its own entry; a batch's redemptions match its
 * counter and stay within its code count and per-user limit.
 */
export async function checkRedemptionInvariants(prisma: PrismaClient): Promise<RedemptionViolation[]> {
  const violations: RedemptionViolation[] = [];

  const lotless = await prisma.$queryRaw<{ id: string; userId: string }[]>`
    SELECT r.id, r."userId"
    FROM "Redemption" r
    JOIN "RedemptionBatch" b ON b.id = r."batchId"
    LEFT JOIN "CreditLot" l
      ON l.id = r."lotId" AND l."userId" = r."userId" AND l."entryId" = r."entryId"
      AND l.source = 'REDEMPTION' AND l.amount = b."creditsPerCode" AND l.category = b.category
    WHERE l.id IS NULL`;
  for (const row of lotless) {
    violations.push({
      rule: "redemption_has_one_lot",
      userId: row.userId,
      detail: `redemption ${row.id} has no matching lot of its batch's credits`,
    });
  }

  const batches = await prisma.$queryRaw<
    { id: string; redeemedCount: number; codeCount: number; redemptions: bigint }[]
  >`
    SELECT b.id, b."redeemedCount", b."codeCount", COUNT(r.id) AS redemptions
    FROM "RedemptionBatch" b LEFT JOIN "Redemption" r ON r."batchId" = b.id
    GROUP BY b.id
    HAVING COUNT(r.id) <> b."redeemedCount" OR COUNT(r.id) > b."codeCount"`;
  for (const row of batches) {
    violations.push({
      rule: "redemptions_within_limits",
      userId: row.id,
      detail: `batch ${row.id} counts ${row.redeemedCount} of ${row.codeCount} codes but has ${row.redemptions} redemptions`,
    });
  }

  const overLimit = await prisma.$queryRaw<
    { batchId: string; userId: string; redemptions: bigint; perUserLimit: number }[]
  >`
    SELECT r."batchId", r."userId", COUNT(*) AS redemptions, b."perUserLimit"
    FROM "Redemption" r JOIN "RedemptionBatch" b ON b.id = r."batchId"
    GROUP BY r."batchId", r."userId", b."perUserLimit"
    HAVING COUNT(*) > b."perUserLimit"`;
  for (const row of overLimit) {
    violations.push({
      rule: "redemptions_within_limits",
      userId: row.userId,
      detail: `${row.redemptions} redemptions of batch ${row.batchId}, limit ${row.perUserLimit}`,
    });
  }

  return violations;
}
