import { describe, expect, it } from "vitest";
import { addDays, dayOf, dayRange, endOfDay, startOfDay, zonedTimestamp } from "@/lib/admin/date-range";

describe("console dates in the display time zone", () => {
  it("writes an instant with its zone's offset, across the UTC day boundary", () => {
    expect(zonedTimestamp(new Date("2025-01-31T16:30:05Z"), "Asia/Shanghai")).toBe("2025-02-01T00:30:05+08:00");
    expect(zonedTimestamp(new Date("2025-01-31T15:59:59.900Z"), "Asia/Shanghai")).toBe("2025-01-31T23:59:59+08:00");
    expect(zonedTimestamp(new Date("2025-06-01T00:00:00Z"), "UTC")).toBe("2025-06-01T00:00:00+00:00");
    expect(zonedTimestamp(new Date("2025-06-01T00:00:00Z"), "Asia/Kolkata")).toBe("2025-06-01T05:30:00+05:30");
    for (const zone of ["Asia/Shanghai", "America/New_York", "Asia/Kathmandu", "UTC"]) {
      expect(Date.parse(zonedTimestamp(new Date("2025-06-01T00:00:07Z"), zone))).toBe(
        Date.parse("2025-06-01T00:00:07Z"),
      );
    }
  });

  it("follows daylight saving: New York is −05:00 in winter and −04:00 in summer", () => {
    expect(zonedTimestamp(new Date("2025-01-15T17:00:00Z"), "America/New_York")).toBe("2025-01-15T12:00:00-05:00");
    expect(zonedTimestamp(new Date("2025-07-15T16:00:00Z"), "America/New_York")).toBe("2025-07-15T12:00:00-04:00");
  });

  it("a day filter means that day in the zone, whole, whatever the server's zone", () => {
    expect(dayRange("Asia/Shanghai", "2025-02-01", "2025-02-01")).toEqual({
      gte: new Date("2025-01-31T16:00:00Z"),
      lt: new Date("2025-02-01T16:00:00Z"),
    });
    expect(dayRange("UTC", "2025-02-01")).toEqual({ gte: new Date("2025-02-01T00:00:00Z") });
    expect(dayRange("UTC")).toBeUndefined();
    expect(dayOf(new Date("2025-01-31T16:00:00Z"), "Asia/Shanghai")).toBe("2025-02-01");
    expect(dayOf(new Date("2025-01-31T16:00:00Z"), "Europe/London")).toBe("2025-01-31");
  });

  it("the days daylight saving starts and ends are 23 and 25 hours long", () => {
    // New York: clocks go forward on 2025-03-09 and back on 2025-11-02.
    expect(startOfDay("2025-03-09", "America/New_York")).toEqual(new Date("2025-03-09T05:00:00Z"));
    expect(
      endOfDay("2025-03-09", "America/New_York").getTime() - startOfDay("2025-03-09", "America/New_York").getTime(),
    ).toBe(23 * 3_600_000);
    expect(
      endOfDay("2025-11-02", "America/New_York").getTime() - startOfDay("2025-11-02", "America/New_York").getTime(),
    ).toBe(25 * 3_600_000);
    expect(dayOf(new Date("2025-11-03T04:30:00Z"), "America/New_York")).toBe("2025-11-02");
  });

  it("counts calendar days across months and leap years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2025-03-31", -29)).toBe("2025-03-02");
  });
});
