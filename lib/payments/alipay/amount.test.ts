import { describe, expect, it } from "vitest";
import { fenToYuan, yuanToFen } from "./amount";

describe("fenToYuan", () => {
  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [10, "0.10"],
    [99, "0.99"],
    [100, "1.00"],
    [1234, "12.34"],
    [10_000_000_000, "100000000.00"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("%d fen → %s", (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it.each([-1, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("refuses %d", (fen) => {
    expect(() => fenToYuan(fen)).toThrow(RangeError);
  });
});

describe("yuanToFen", () => {
  it.each([
    ["0", 0],
    ["0.00", 0],
    ["0.01", 1],
    ["0.1", 10],
    ["12", 1200],
    ["12.3", 1230],
    ["12.34", 1234],
    ["168.00", 16800],
    ["100000000.00", 10_000_000_000],
    ["9999999999999.99", 999_999_999_999_999],
  ])("%s → %d fen", (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  // Each of these goes wrong through floating point (e.g. 0.29 * 100 === 28.999999999999996).
  it.each([
    ["0.29", 29],
    ["1.15", 115],
    ["4.35", 435],
    ["19.99", 1999],
    ["1005.07", 100507],
  ])("%s is exactly %d fen", (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([
    "1.234",
    "abc",
    "",
    "-1.00",
    "-0.01",
    "+1.00",
    "1e3",
    "1E3",
    "1.2e1",
    "0x10",
    " 1.00",
    "1.00 ",
    "1.00\n",
    "01.00",
    "00",
    ".50",
    "1.",
    "1,00",
    "1,000.00",
    "１.00",
    "Infinity",
    "NaN",
    "10000000000000.00",
  ])("refuses %j", (text) => {
    expect(yuanToFen(text)).toBeUndefined();
  });

  it("round-trips every amount up to 1000.00 yuan and a spread of large ones", () => {
    const broken: number[] = [];
    for (let fen = 0; fen <= 100_000; fen += 1) if (yuanToFen(fenToYuan(fen)) !== fen) broken.push(fen);
    for (let fen = 1; fen < 999_999_999_999_999; fen = fen * 7 + 3)
      if (yuanToFen(fenToYuan(fen)) !== fen) broken.push(fen);
    expect(broken).toEqual([]);
  });
});
