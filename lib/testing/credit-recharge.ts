import type { Prisma, RechargeOrder } from "@prisma/client";
import { recordEvent } from "@/lib/outbox/record-event";
import { lockWallet } from "@/lib/wallet/lock-wallet";
import { writeCredit } from "@/lib/wallet/write-movement";

/**
 * For fixtures that insert paid orders directly: the recharge entry and lots settlement leaves
 * behind (package credits as a PAID lot, the bonus as a PROMOTIONAL one), so the ledger
 * invariants hold.
 */
export async function creditRechargeForTest(
  tx: Prisma.TransactionClient,
  order: Pick<RechargeOrder, "userId" | "orderNo" | "credits" | "bonusCredits">,
) {
  const wallet = await lockWallet(tx, order.userId);
  const paid = order.credits - order.bonusCredits;
  await recordEvent(tx, { type: "order.paid", userId: order.userId, data: { orderNo: order.orderNo } });
  return writeCredit(tx, wallet, {
    announce: false,
    kind: "RECHARGE",
    idempotencyKey: `recharge:${order.orderNo}`,
    reference: order.orderNo,
    now: new Date(),
    lots: [
      ...(paid > 0 ? [{ category: "PAID" as const, source: "RECHARGE" as const, amount: paid, expiresAt: null }] : []),
      ...(order.bonusCredits > 0
        ? [{ category: "PROMOTIONAL" as const, source: "BONUS" as const, amount: order.bonusCredits, expiresAt: null }]
        : []),
    ],
  });
}
