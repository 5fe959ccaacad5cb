import { describe, expect, it } from "vitest";
import { formatBeijingTime, parseBeijingTime } from "./time";

describe("formatBeijingTime", () => {
  it("writes Beijing wall-clock time whatever the process time zone", () => {
    expect(formatBeijingTime(new Date("2025-01-01T12:00:00Z"))).toBe("2025-01-01 20:00:00");
    expect(formatBeijingTime(new Date("2024-12-31T16:30:05Z"))).toBe("2025-01-01 00:30:05");
    expect(formatBeijingTime(new Date("2024-02-28T23:59:59Z"))).toBe("2024-02-29 07:59:59");
  });

  it("drops fractions of a second so a deadline never moves later", () => {
    expect(formatBeijingTime(new Date("2025-01-01T12:00:00.999Z"))).toBe("2025-01-01 20:00:00");
  });

  it("refuses an invalid date", () => {
    expect(() => formatBeijingTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("parseBeijingTime", () => {
  it("reads Beijing time as an instant", () => {
    expect(parseBeijingTime("2019-09-27 20:26:00")?.toISOString()).toBe("2019-09-27T12:26:00.000Z");
    expect(parseBeijingTime("2025-01-01 00:30:05")?.toISOString()).toBe("2024-12-31T16:30:05.000Z");
  });

  it("accepts the milliseconds refund times carry", () => {
    expect(parseBeijingTime("2015-04-28 15:45:57.320")?.toISOString()).toBe("2015-04-28T07:45:57.320Z");
  });

  it.each(["2019-02-30 10:00:00", "2019-13-01 10:00:00", "2019-01-01 24:00:00", "2019-01-01T10:00:00", "", "x"])(
    "refuses %j",
    (text) => {
      expect(parseBeijingTime(text)).toBeUndefined();
    },
  );

  it("round-trips with formatBeijingTime", () => {
    const date = new Date("2030-06-15T03:04:05Z");
    expect(parseBeijingTime(formatBeijingTime(date))?.getTime()).toBe(date.getTime());
  });
});
