import { describe, expect, it } from "vitest";
import { creditsToDebit } from "@/lib/refunds/refund-credits";

describe("credits debited by a refund", () => {
  const order = { credits: 330, priceFen: 3_000 };

  it("debits all credits for a full refund", () => {
    expect(creditsToDebit(order, 0, 3_000)).toBe(330);
  });

  it("debits in proportion, and partial refunds add up to exactly the order's credits", () => {
    const parts = [1_000, 999, 1, 1_000];
    let refunded = 0;
    const debits = parts.map((part) => {
      const debit = creditsToDebit(order, refunded, part);
      refunded += part;
      return debit;
    });
    expect(debits).toEqual([110, 109, 1, 110]);
    expect(debits.reduce((sum, debit) => sum + debit, 0)).toBe(330);
  });

  it("never debits more than the order credited, whatever the split", () => {
    for (let first = 1; first < 3_000; first += 37) {
      const total = creditsToDebit(order, 0, first) + creditsToDebit(order, first, 3_000 - first);
      expect(total).toBe(330);
    }
  });
});
