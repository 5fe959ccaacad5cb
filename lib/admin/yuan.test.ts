import { describe, expect, it } from "vitest";
import { formatYuan, parseYuan, yuanToFenField } from "@/lib/admin/yuan";

describe("yuan ↔ fen", () => {
  it("parses exactly, where floating point would not", () => {
    expect(parseYuan("0.29")).toBe(29);
    expect(parseYuan("19.99")).toBe(1_999);
    expect(parseYuan("1.1")).toBe(110);
    expect(parseYuan(" 7 ")).toBe(700);
    expect(parseYuan("99999999999.99")).toBe(9_999_999_999_999);
  });

  it("refuses anything but plain yuan with at most two decimals", () => {
    for (const text of ["", "-1", "+1", "1.234", "1e3", ".5", "1.", "1,000", "¥1", "NaN"])
      expect(parseYuan(text), text).toBeNull();
  });

  it("formats fen as yuan with two decimals", () => {
    expect(formatYuan(0)).toBe("0.00");
    expect(formatYuan(5)).toBe("0.05");
    expect(formatYuan(1_234)).toBe("12.34");
    expect(formatYuan(-5)).toBe("-0.05");
    expect(formatYuan(123_456_789)).toBe("1234567.89");
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });

  it("round-trips", () => {
    for (const fen of [0, 1, 10, 99, 100, 101, 29, 1_999, 10_001]) expect(parseYuan(formatYuan(fen))).toBe(fen);
  });

  it("as a form field, says why it refused", () => {
    expect(yuanToFenField({ positive: true }).safeParse("0").error?.issues[0]?.message).toBe(
      "positive_amount_required",
    );
    expect(yuanToFenField({ positive: false }).safeParse("0").data).toBe(0);
    expect(yuanToFenField({ positive: false }).safeParse("x").error?.issues[0]?.message).toBe("invalid_amount");
  });
});
