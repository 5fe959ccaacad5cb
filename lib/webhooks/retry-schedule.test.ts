import { describe, expect, it } from "vitest";
import { maxAttempts, nextRetryDelayMs, retryDelaysMs } from "@/lib/webhooks/retry-schedule";

describe("webhook retry schedule", () => {
  it("retries immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h", () => {
    expect(retryDelaysMs.map((ms) => ms / 1000)).toEqual([
      0, 5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400,
    ]);
    const total = retryDelaysMs.reduce((sum, ms) => sum + ms, 0);
    expect(total / 3_600_000).toBeCloseTo(75.6, 1);
  });

  it("gives up after the tenth attempt", () => {
    expect(maxAttempts).toBe(10);
    expect(nextRetryDelayMs(9, 1)).not.toBeNull();
    expect(nextRetryDelayMs(10, 1)).toBeNull();
  });

  it("jitters each wait by at most 10 % and divides it by the time scale", () => {
    expect(nextRetryDelayMs(2, 1, () => 0)).toBe(270_000);
    expect(nextRetryDelayMs(2, 1, () => 1)).toBe(330_000);
    expect(nextRetryDelayMs(2, 1_000, () => 0.5)).toBe(300);
    expect(nextRetryDelayMs(0, 1, () => 0.7)).toBe(0);
  });
});
