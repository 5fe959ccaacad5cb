import { getPrisma } from "@/lib/db";
import { recordEvent } from "@/lib/outbox/record-event";
import type { RefundStatus } from "@/lib/payments/types";
import { recordOrderEvent } from "@/lib/recharge/record-event";
import { reverseRefund } from "@/lib/refunds/reverse-refund";

/**
 * Records what the provider says about one of our refunds (from a verified notify or our own
 * query). Only a refund still PROCESSING moves, so replays change nothing; a failed refund
 * gives the user's credits back.
 */
export async function applyRefundStatus(status: RefundStatus, source: string): Promise<string> {
  const prisma = await getPrisma();
  const refund = await prisma.refund.findUnique({ where: { refundNo: status.refundNo } });
  if (!refund || refund.orderNo !== status.orderNo) return "UNKNOWN_REFUND";
  if (status.state === "PROCESSING") return "REFUND_PROCESSING";
  const succeeded = status.state === "SUCCESS";
  return prisma.$transaction(async (tx) => {
    const updated = await tx.refund.updateMany({
      where: { id: refund.id, status: "PROCESSING" },
      data: {
        status: succeeded ? "SUCCESS" : "FAILED",
        providerRefundId: status.providerRefundId ?? refund.providerRefundId,
        succeededAt: succeeded ? (status.succeededAt ?? new Date()) : null,
        nextCheckAt: null,
      },
    });
    if (!updated.count) return "REFUND_ALREADY_FINAL";
    if (succeeded) {
      const order = await tx.rechargeOrder.findUniqueOrThrow({ where: { orderNo: refund.orderNo } });
      await recordOrderEvent(tx, order.id, "refund_succeeded", { refundNo: refund.refundNo, source });
      await recordEvent(tx, {
        type: "order.refunded",
        userId: order.userId,
        data: {
          orderNo: order.orderNo,
          refundNo: refund.refundNo,
          userId: order.userId,
          amountFen: refund.amountFen,
          credits: refund.credits,
          refundedFen: order.refundedFen,
          status: order.status,
        },
      });
      return "REFUND_SUCCEEDED";
    }
    await reverseRefund(tx, refund, `provider reported ${status.state} (${source})`);
    return "REFUND_FAILED";
  });
}
