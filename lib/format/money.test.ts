import { describe, expect, it } from "vitest";
import { formatFen } from "@/lib/format/money";

describe("formatFen", () => {
  it("formats integer fen exactly", () => {
    expect(formatFen(600)).toBe("¥6.00");
    expect(formatFen(1)).toBe("¥0.01");
    expect(formatFen(29_800)).toBe("¥298.00");
    expect(formatFen(123_456_789)).toBe("¥1,234,567.89");
    expect(formatFen(-1_005)).toBe("-¥10.05");
  });

  it("refuses non-integers", () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });
});
