import type { Prisma, Refund } from "@prisma/client";
import { recordOrderEvent } from "@/lib/recharge/record-event";
import { findPriorEntry, lockWallet } from "@/lib/wallet/lock-wallet";
import { writeCredit, type NewLot } from "@/lib/wallet/write-movement";

/**
 * Undoes a refund the provider did not carry out, in the caller's transaction: the credits
 * come back (once: the ledger key is per refund) as lots like the ones the refund drew (same
 * category, expiry and priority), what no lot covered as a PAID lot, and the order's refunded
 * amount shrinks.
 */
export async function reverseRefund(tx: Prisma.TransactionClient, refund: Refund, why: string): Promise<void> {
  const order = await tx.rechargeOrder.findUniqueOrThrow({ where: { orderNo: refund.orderNo } });
  const refundedFen = order.refundedFen - refund.amountFen;
  await tx.rechargeOrder.update({
    where: { id: order.id },
    data: { refundedFen, status: refundedFen > 0 ? "PARTIALLY_REFUNDED" : "PAID" },
  });
  if (refund.credits > 0) {
    const wallet = await lockWallet(tx, order.userId);
    const idempotencyKey = `refund-reversal:${refund.refundNo}`;
    if (!(await findPriorEntry(tx, wallet, idempotencyKey))) {
      const debit = await tx.ledgerEntry.findUniqueOrThrow({
        where: { idempotencyKey: `refund:${refund.refundNo}` },
        include: { draws: { include: { lot: true }, orderBy: { createdAt: "asc" } } },
      });
      const lots: NewLot[] = debit.draws.map(({ amount, lot }) => ({
        category: lot.category,
        source: "REVERSAL",
        amount,
        expiresAt: lot.expiresAt,
        priority: lot.priority,
        reference: order.orderNo,
        sandbox: lot.sandbox,
      }));
      if (debit.uncovered > 0) {
        lots.push({
          category: "PAID",
          source: "REVERSAL",
          amount: debit.uncovered,
          expiresAt: null,
          reference: order.orderNo,
        });
      }
      await writeCredit(tx, wallet, {
        kind: "REFUND",
        idempotencyKey,
        reference: refund.refundNo,
        reason: `refund failed: ${why}`,
        lots,
        now: new Date(),
      });
    }
  }
  await recordOrderEvent(tx, order.id, "refund_failed", { refundNo: refund.refundNo, why });
}
