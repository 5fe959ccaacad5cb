import { randomUUID } from "node:crypto";
import type { LedgerEntry } from "@prisma/client";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { debitCredits } from "@/lib/wallet/debit-credits";
import { grantCredits } from "@/lib/wallet/grant-credits";

export const adjustBalanceSchema = z.object({
  /** Signed credits: positive adds, negative takes away. */
  delta: z
    .number()
    .int()
    .refine((value) => value !== 0, "must_not_be_zero")
    .refine((value) => Math.abs(value) <= 10_000_000, "too_large"),
  reason: z.string().trim().min(2, "reason_required").max(200),
  allowNegativeBalance: z.boolean().default(false),
  /** The form's idempotency key, so a resubmitted form adjusts once. */
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

export type AdjustBalanceInput = z.infer<typeof adjustBalanceSchema> & { userId: string; actorId: string };

/**
 * An admin's manual correction, with its reason and an audit record: a positive one adds a PAID
 * lot that never expires, a negative one draws the user's lots like any debit.
 */
export async function adjustBalance(input: AdjustBalanceInput): Promise<LedgerEntry> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, balance: true } });
    if (!user) throw new AppError("NOT_FOUND", "user_not_found");
    const movement = {
      userId: user.id,
      kind: "ADJUST" as const,
      idempotencyKey: `adjust:${input.requestId ?? randomUUID()}`,
      reason: input.reason,
      actorId: input.actorId,
    };
    const { entry, created } =
      input.delta > 0
        ? await grantCredits(tx, { ...movement, amount: input.delta, category: "PAID", source: "GRANT" })
        : await debitCredits(tx, { ...movement, amount: -input.delta, allowNegative: input.allowNegativeBalance });
    if (created) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "user.adjust_balance",
        target: user.id,
        before: { balance: user.balance },
        after: { balance: entry.balanceAfter, delta: input.delta, reason: input.reason },
      });
    }
    return entry;
  });
}
