import { describe, expect, it } from "vitest";
import { codeAlphabet, codeEntropyBits, generateCode, hashCode, normaliseCode } from "@/lib/redemption/code";

describe("redemption codes", () => {
  it("have at least 80 bits and no look-alike characters", () => {
    expect(codeEntropyBits).toBeGreaterThanOrEqual(80);
    for (const lookAlike of "0O1IL") expect(codeAlphabet).not.toContain(lookAlike);
  });

  it("are grouped for reading and differ every time", () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("use every symbol of the alphabet, roughly evenly", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) {
      for (const symbol of generateCode().replaceAll("-", "")) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(codeAlphabet.length);
    const expected = 20_000 / codeAlphabet.length;
    for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.25);
  });

  it("normalise what users type: case, spaces, dashes, full-width characters", () => {
    const code = generateCode();
    const plain = code.replaceAll("-", "");
    expect(normaliseCode(code)).toBe(plain);
    expect(normaliseCode(` ${code.toLowerCase()} `)).toBe(plain);
    expect(normaliseCode(code.replaceAll("-", " "))).toBe(plain);
    const fullWidth = [...plain].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
    expect(normaliseCode(fullWidth)).toBe(plain);
  });

  it("refuse input that cannot be a code", () => {
    expect(normaliseCode("")).toBeNull();
    expect(normaliseCode("ABCD-EFGH")).toBeNull();
    expect(normaliseCode("0000-0000-0000-0000-0000")).toBeNull();
    expect(normaliseCode(`${generateCode()}-AAAA`)).toBeNull();
  });

  it("hash the normalised form, so every spelling of a code finds the same row", () => {
    const code = generateCode();
    const hash = hashCode(normaliseCode(code) ?? "");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(normaliseCode(code.toLowerCase().replaceAll("-", "")) ?? "")).toBe(hash);
    expect(hash).not.toContain(code.replaceAll("-", "").toLowerCase());
  });
});
