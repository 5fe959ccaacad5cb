import type { CreditCategory } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { hashCode, normaliseCode } from "@/lib/redemption/code";
import { consume, type LimitRule } from "@/lib/rate-limit";
import { grantCredits } from "@/lib/wallet/grant-credits";

export interface RedeemCodeOptions {
  userId: string;
  code: string;
  /** The client's address, for the per-client limit. */
  client: string;
  now?: Date;
}

export interface RedeemCodeResult {
  credits: number;
  category: CreditCategory;
  expiresAt: Date | null;
  balance: number;
}

// Codes carry ~99 random bits, so guessing is hopeless; the limits keep it that way and keep
// a leaked list from being drained by one script.
const perUser: LimitRule = { name: "redeem-user", points: 10, durationSeconds: 10 * 60 };
const perClient: LimitRule = { name: "redeem-client", points: 30, durationSeconds: 10 * 60 };

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Redeems one code for the signed-in user. Once per code is the unique Redemption.codeId;
 * the batch's state and the per-user limit are conditions of the writes that count them, so
 * racing requests cannot pass them twice.
 */
export async function redeemCode({
  userId,
  code,
  client,
  now = new Date(),
}: RedeemCodeOptions): Promise<RedeemCodeResult> {
  await consume(perClient, client);
  await consume(perUser, userId);
  const normalised = normaliseCode(code);
  if (!normalised) throw new AppError("NOT_FOUND", "code_unknown");
  const prisma = await getPrisma();
  const stored = await prisma.redemptionCode.findUnique({
    where: { codeHash: hashCode(normalised) },
    select: { id: true, batchId: true, redemption: { select: { id: true } } },
  });
  if (!stored) throw new AppError("NOT_FOUND", "code_unknown");
  if (stored.redemption) throw new AppError("CONFLICT", "code_used");

  try {
    return await prisma.$transaction(async (tx) => {
      // Counting the redemption is also the check that the batch is open; the row lock it takes
      // queues concurrent redemptions of the batch behind this one.
      const [batch] = await tx.$queryRaw<
        { creditsPerCode: number; category: CreditCategory; creditValidityDays: number | null; perUserLimit: number }[]
      >`
        UPDATE "RedemptionBatch"
        SET "redeemedCount" = "redeemedCount" + 1, "updatedAt" = now()
        WHERE id = ${stored.batchId} AND "disabledAt" IS NULL AND "redeemBy" > ${now}
        RETURNING "creditsPerCode", category, "creditValidityDays", "perUserLimit"`;
      if (!batch) {
        const closed = await tx.redemptionBatch.findUnique({
          where: { id: stored.batchId },
          select: { disabledAt: true },
        });
        throw new AppError("CONFLICT", closed?.disabledAt ? "batch_disabled" : "batch_expired");
      }
      // Behind the batch's lock, a redemption committed by a racing request is visible here.
      const taken = await tx.redemption.findUnique({ where: { codeId: stored.id }, select: { id: true } });
      if (taken) throw new AppError("CONFLICT", "code_used");
      const [usage] = await tx.$queryRaw<{ count: number }[]>`
        INSERT INTO "RedemptionUsage" ("batchId", "userId", count) VALUES (${stored.batchId}, ${userId}, 1)
        ON CONFLICT ("batchId", "userId") DO UPDATE SET count = "RedemptionUsage".count + 1
        WHERE "RedemptionUsage".count < ${batch.perUserLimit}
        RETURNING count`;
      if (!usage) throw new AppError("CONFLICT", "redeem_limit_reached");

      const expiresAt =
        batch.creditValidityDays === null ? null : new Date(now.getTime() + batch.creditValidityDays * dayMs);
      const { entry, lot, created } = await grantCredits(tx, {
        userId,
        amount: batch.creditsPerCode,
        category: batch.category,
        source: "REDEMPTION",
        kind: "REDEMPTION",
        idempotencyKey: `redemption:${stored.id}`,
        expiresAt,
        reference: stored.batchId,
        now,
      });
      if (!created) throw new AppError("CONFLICT", "code_used");
      await tx.redemption.create({
        data: {
          codeId: stored.id,
          batchId: stored.batchId,
          userId,
          slot: usage.count,
          entryId: entry.id,
          lotId: lot.id,
        },
      });
      return { credits: batch.creditsPerCode, category: batch.category, expiresAt, balance: entry.balanceAfter };
    });
  } catch (error) {
    // The constraints are the guarantee; the checks above only give the common race its message.
    const reusedKey = error instanceof AppError && error.message === "idempotency_key_reused";
    if (isUniqueViolation(error) || reusedKey) throw new AppError("CONFLICT", "code_used");
    throw error;
  }
}
