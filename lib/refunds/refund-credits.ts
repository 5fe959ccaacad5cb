/**
 * Credits to take back for a refund, so that partial refunds debit in proportion to the money
 * returned and a refund of the whole price debits exactly the order's credits, never more.
 * Rounds down: the user keeps a fraction of a credit rather than losing one.
 */
export function creditsToDebit(
  order: { credits: number; priceFen: number },
  refundedBeforeFen: number,
  refundFen: number,
): number {
  const share = (refundedFen: number) => Math.floor((order.credits * refundedFen) / order.priceFen);
  return share(refundedBeforeFen + refundFen) - share(refundedBeforeFen);
}
