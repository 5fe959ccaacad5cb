import { describe, expect, it } from "vitest";
import { canonicalTimeZone, offsetLabel, timeZoneField, timeZoneNames } from "@/lib/settings/time-zone";

describe("display time zone names", () => {
  it("offers UTC and the IANA zones, each once", () => {
    const names = timeZoneNames();
    expect(names[0]).toBe("UTC");
    expect(names).toContain("Asia/Shanghai");
    expect(names).toContain("America/New_York");
    expect(new Set(names).size).toBe(names.length);
  });

  it("accepts IANA names in their canonical spelling and refuses anything else", () => {
    expect(timeZoneField.parse("asia/shanghai")).toBe("Asia/Shanghai");
    expect(timeZoneField.parse(" Europe/Berlin ")).toBe("Europe/Berlin");
    expect(timeZoneField.parse("UTC")).toBe("UTC");
    for (const bad of ["Mars/Olympus_Mons", "", "+08:00", "GMT+8x", "Asia/Shanghai; DROP TABLE", "x".repeat(65)]) {
      const result = timeZoneField.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("invalid_time_zone");
    }
    expect(canonicalTimeZone("Not/AZone")).toBeNull();
  });

  it("labels the offset at a given instant, following daylight saving and half hours", () => {
    expect(offsetLabel("Asia/Shanghai", new Date("2025-01-01T00:00:00Z"))).toBe("UTC+08:00");
    expect(offsetLabel("America/New_York", new Date("2025-01-15T00:00:00Z"))).toBe("UTC−05:00");
    expect(offsetLabel("America/New_York", new Date("2025-07-15T00:00:00Z"))).toBe("UTC−04:00");
    expect(offsetLabel("Asia/Kathmandu", new Date("2025-07-15T00:00:00Z"))).toBe("UTC+05:45");
    expect(offsetLabel("UTC", new Date())).toBe("UTC+00:00");
  });
});
