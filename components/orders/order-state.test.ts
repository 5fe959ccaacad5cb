import { describe, expect, it } from "vitest";
import { formatRemaining, isSettled, newer, orderState } from "@/components/orders/order-state";

const expiresAt = "2030-01-01T00:10:00.000Z";
const before = Date.parse("2030-01-01T00:00:00.000Z");
const after = Date.parse("2030-01-01T00:10:00.000Z");
const base = { closeReason: null, late: false, expiresAt, displayStatus: "PENDING" } as const;

describe("what the user is told about an order", () => {
  it("waits while the code is valid and reads as expired once it runs out", () => {
    expect(orderState({ ...base, status: "PENDING" }, before)).toBe("waiting");
    expect(orderState({ ...base, status: "PENDING" }, after)).toBe("expired");
    // Without a clock: as the server saw it.
    expect(orderState({ ...base, status: "PENDING" })).toBe("waiting");
    expect(orderState({ ...base, status: "PENDING", displayStatus: "EXPIRED" })).toBe("expired");
  });

  it("tells closed orders apart by why they closed", () => {
    expect(orderState({ ...base, status: "CLOSED", closeReason: "EXPIRED" }, before)).toBe("expired");
    expect(orderState({ ...base, status: "CLOSED", closeReason: "CANCELLED" }, before)).toBe("cancelled");
    expect(orderState({ ...base, status: "CLOSED", closeReason: "PROVIDER_ERROR" }, before)).toBe("failed");
  });

  it("says when a payment came late but was credited, and names refunds", () => {
    expect(orderState({ ...base, status: "PAID" }, after)).toBe("paid");
    expect(orderState({ ...base, status: "PAID", late: true }, after)).toBe("late");
    expect(orderState({ ...base, status: "REFUNDED" }, before)).toBe("refunded");
    expect(orderState({ ...base, status: "PARTIALLY_REFUNDED" }, before)).toBe("partiallyRefunded");
  });

  it("stops listening only once money has moved (a closed order can still be paid late)", () => {
    expect(isSettled("PAID")).toBe(true);
    expect(isSettled("REFUNDED")).toBe(true);
    expect(isSettled("CLOSED")).toBe(false);
    expect(isSettled("PENDING")).toBe(false);
  });

  it("formats the time left", () => {
    expect(formatRemaining(expiresAt, before)).toBe("10:00");
    expect(formatRemaining(expiresAt, after - 61_500)).toBe("1:02");
    expect(formatRemaining(expiresAt, after + 5_000)).toBe("0:00");
    expect(formatRemaining("2030-01-01T02:00:05.000Z", before)).toBe("2:00:05");
  });
});

describe("merging order snapshots", () => {
  const snap = (status: "PENDING" | "CLOSED" | "PAID" | "REFUNDED", balance: number) => ({
    order: { status },
    balance,
  });

  it("takes the newer answer and never moves an order back", () => {
    expect(newer(snap("PENDING", 0), snap("PAID", 60))).toEqual(snap("PAID", 60));
    expect(newer(snap("PAID", 60), snap("PENDING", 0))).toEqual(snap("PAID", 60));
    expect(newer(snap("CLOSED", 0), snap("PAID", 60))).toEqual(snap("PAID", 60));
    expect(newer(snap("PAID", 60), snap("PAID", 90))).toEqual(snap("PAID", 90));
    expect(newer(undefined, snap("PENDING", 0))).toEqual(snap("PENDING", 0));
  });
});
