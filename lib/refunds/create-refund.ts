import type { Refund } from "@prisma/client";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { ProviderError } from "@/lib/payments/types";
import { recordOrderEvent } from "@/lib/recharge/record-event";
import { applyRefundStatus } from "@/lib/refunds/apply-refund-status";
import { creditsToDebit } from "@/lib/refunds/refund-credits";
import { newRefundNo } from "@/lib/refunds/refund-no";
import { refundRequest } from "@/lib/refunds/refund-request";
import { reverseRefund } from "@/lib/refunds/reverse-refund";
import { debitCredits } from "@/lib/wallet/debit-credits";

export const createRefundSchema = z.object({
  amountFen: z.number().int().positive(),
  reason: z.string().trim().min(2, "reason_required").max(200),
  /** Let the debit take the user's balance below zero (they already spent the credits). */
  allowNegativeBalance: z.boolean().default(false),
});

export type CreateRefundInput = z.infer<typeof createRefundSchema> & { orderNo: string; actorId: string };

// The provider has not said yet: ask again after a minute.
const firstCheckMs = 60_000;

/** Reserves the refund: order amount, credits debit and the Refund row commit together. */
async function reserve(input: CreateRefundInput, refundNo: string): Promise<Refund> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const order = await tx.rechargeOrder.findUnique({ where: { orderNo: input.orderNo } });
    if (!order) throw new AppError("NOT_FOUND", "order_not_found");
    // The amount check sits in the UPDATE, so two refunds racing cannot exceed what was paid.
    const updated = await tx.$queryRaw<{ refundedFen: number }[]>`
      UPDATE "RechargeOrder"
      SET "refundedFen" = "refundedFen" + ${input.amountFen},
          status = CASE WHEN "refundedFen" + ${input.amountFen} >= "paidAmountFen"
                        THEN 'REFUNDED'::"OrderStatus" ELSE 'PARTIALLY_REFUNDED'::"OrderStatus" END,
          "updatedAt" = now()
      WHERE id = ${order.id} AND status IN ('PAID', 'PARTIALLY_REFUNDED')
        AND "refundedFen" + ${input.amountFen} <= "paidAmountFen"
      RETURNING "refundedFen"`;
    if (!updated[0]) {
      throw new AppError(
        "CONFLICT",
        order.status === "PAID" || order.status === "PARTIALLY_REFUNDED" ? "refund_exceeds_paid" : "order_not_paid",
      );
    }
    const credits = creditsToDebit(order, order.refundedFen, input.amountFen);
    const refund = await tx.refund.create({
      data: {
        refundNo,
        orderNo: order.orderNo,
        amountFen: input.amountFen,
        credits,
        reason: input.reason,
        actorId: input.actorId,
        nextCheckAt: new Date(Date.now() + firstCheckMs),
      },
    });
    if (credits > 0) {
      // The order's own lots go first; what was spent of them comes from the rest.
      await debitCredits(tx, {
        userId: order.userId,
        amount: credits,
        kind: "REFUND",
        idempotencyKey: `refund:${refundNo}`,
        reference: refundNo,
        preferReference: order.orderNo,
        reason: input.reason,
        actorId: input.actorId,
        allowNegative: input.allowNegativeBalance,
      });
    }
    await recordOrderEvent(tx, order.id, "refund_requested", { refundNo, amountFen: input.amountFen, credits });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "order.refund",
      target: order.orderNo,
      before: { status: order.status, refundedFen: order.refundedFen },
      after: { refundNo, amountFen: input.amountFen, credits, reason: input.reason },
    });
    return refund;
  });
}

/**
 * An admin refunds part or all of a paid order: the credits are debited first (refused if
 * the balance cannot cover them, unless allowed), then the provider is asked to return the
 * money. A provider that refuses gives the credits back; a provider that does not answer
 * leaves the refund PROCESSING for reconciliation, under the same refund number.
 */
export async function createRefund(input: CreateRefundInput): Promise<Refund> {
  const refund = await reserve(input, newRefundNo());
  const prisma = await getPrisma();
  const order = await prisma.rechargeOrder.findUniqueOrThrow({ where: { orderNo: input.orderNo } });
  const { config, adapter } = await loadConfig(order.configId);
  try {
    const status = await adapter.refund(refundRequest(order, refund, config));
    await applyRefundStatus(status, "refund");
  } catch (error) {
    if (error instanceof ProviderError && error.kind === "REJECTED") {
      await prisma.$transaction(async (tx) => {
        const failed = await tx.refund.updateMany({
          where: { id: refund.id, status: "PROCESSING" },
          data: { status: "FAILED", nextCheckAt: null },
        });
        if (failed.count) await reverseRefund(tx, refund, `provider refused: ${error.message}`);
      });
      throw new AppError("CONFLICT", "provider_refused_refund", { fields: { provider: error.message } });
    }
    logger.warn("refund outcome unknown; will check with the provider", { refundNo: refund.refundNo, error });
  }
  return prisma.refund.findUniqueOrThrow({ where: { id: refund.id } });
}
