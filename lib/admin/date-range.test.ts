import { describe, expect, it } from "vitest";
import { chinaDay, chinaTimestamp, dayRange } from "@/lib/admin/date-range";

describe("console dates in China time", () => {
  it("writes an instant with its +08:00 offset, across the UTC day boundary", () => {
    expect(chinaTimestamp(new Date("2025-01-31T16:30:05Z"))).toBe("2025-02-01T00:30:05+08:00");
    expect(chinaTimestamp(new Date("2025-01-31T15:59:59.900Z"))).toBe("2025-01-31T23:59:59+08:00");
    expect(Date.parse(chinaTimestamp(new Date("2025-06-01T00:00:00Z")))).toBe(Date.parse("2025-06-01T00:00:00Z"));
  });

  it("a day filter means that China-time day, whole, whatever the server's zone", () => {
    expect(dayRange("2025-02-01", "2025-02-01")).toEqual({
      gte: new Date("2025-01-31T16:00:00Z"),
      lt: new Date("2025-02-01T16:00:00Z"),
    });
    expect(chinaDay(new Date("2025-01-31T16:00:00Z"))).toBe("2025-02-01");
  });
});
