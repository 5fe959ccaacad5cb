import type { Prisma, Refund } from "@prisma/client";
import { postEntry } from "@/lib/ledger/post-entry";
import { recordOrderEvent } from "@/lib/recharge/record-event";

/**
 * Undoes a refund the provider did not carry out, in the caller's transaction: the credits
 * come back (once: the ledger key is per refund) and the order's refunded amount shrinks.
 */
export async function reverseRefund(tx: Prisma.TransactionClient, refund: Refund, why: string): Promise<void> {
  const order = await tx.rechargeOrder.findUniqueOrThrow({ where: { orderNo: refund.orderNo } });
  const refundedFen = order.refundedFen - refund.amountFen;
  await tx.rechargeOrder.update({
    where: { id: order.id },
    data: { refundedFen, status: refundedFen > 0 ? "PARTIALLY_REFUNDED" : "PAID" },
  });
  if (refund.credits > 0) {
    await postEntry(tx, {
      userId: order.userId,
      delta: refund.credits,
      kind: "REFUND",
      idempotencyKey: `refund-reversal:${refund.refundNo}`,
      reference: refund.refundNo,
      reason: `refund failed: ${why}`,
      allowNegative: true,
    });
  }
  await recordOrderEvent(tx, order.id, "refund_failed", { refundNo: refund.refundNo, why });
}
