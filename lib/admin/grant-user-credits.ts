import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { grantCredits } from "@/lib/wallet/grant-credits";

export const grantInputSchema = z.object({
  amount: z.number("invalid_number").int("whole_number").min(1, "positive_required").max(10_000_000, "too_large"),
  category: z.enum(["PAID", "PROMOTIONAL"], "required"),
  /** When the credits expire (ISO 8601); absent = never. */
  expiresAt: z.iso
    .datetime({ offset: true, message: "invalid_date" })
    .transform((value) => new Date(value))
    .optional(),
  reason: z.string("reason_required").trim().min(2, "reason_required").max(200),
  /** The form's idempotency key, so a resubmitted form grants once. */
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

export type GrantInput = z.infer<typeof grantInputSchema>;

export interface GrantUserCreditsOptions {
  userId: string;
  actorId: string;
  input: GrantInput;
  now?: Date;
}

export interface GrantUserCreditsResult {
  amount: number;
  balance: number;
  lotId: string;
}

/** An admin's grant: a new lot of the chosen category and expiry, its ledger entry, and an audit record. */
export async function grantUserCredits({
  userId,
  actorId,
  input,
  now = new Date(),
}: GrantUserCreditsOptions): Promise<GrantUserCreditsResult> {
  if (input.expiresAt && input.expiresAt <= now) {
    throw new AppError("VALIDATION", "invalid_input", { fields: { expiresAt: "must_be_future" } });
  }
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, balance: true } });
    if (!user) throw new AppError("NOT_FOUND", "user_not_found");
    const { entry, lot, created } = await grantCredits(tx, {
      userId,
      amount: input.amount,
      category: input.category,
      source: "GRANT",
      kind: "GRANT",
      idempotencyKey: `admin-grant:${input.requestId ?? randomUUID()}`,
      expiresAt: input.expiresAt,
      reason: input.reason,
      actorId,
    });
    if (created) {
      await recordAudit(tx, {
        actorId,
        action: "user.grant_credits",
        target: userId,
        before: { balance: user.balance },
        after: {
          balance: entry.balanceAfter,
          lotId: lot.id,
          amount: input.amount,
          category: input.category,
          expiresAt: input.expiresAt ?? null,
          reason: input.reason,
        },
      });
    }
    return { amount: entry.delta, balance: entry.balanceAfter, lotId: lot.id };
  });
}
