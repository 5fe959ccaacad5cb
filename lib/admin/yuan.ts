import { z } from "zod";

/**
 * Yuan typed by an admin ("12.34") ↔ integer fen, as string work only: 0.29 * 100 is not 29
 * in floating point, and money here is never allowed to be approximately right.
 */
const yuanPattern = /^(\d{1,11})(?:\.(\d{1,2}))?$/;

/** "12.34" → 1234, "5" → 500, "0.5" → 50; null for anything else (signs, 3 decimals, "1e3"). */
export function parseYuan(text: string): number | null {
  const match = yuanPattern.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 1234 → "12.34", -5 → "-0.05". */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const digits = String(Math.abs(fen)).padStart(3, "0");
  return `${fen < 0 ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A zod field taking yuan text and giving fen; `positive` refuses 0. */
export function yuanToFenField(options: { positive: boolean }) {
  return z.string("invalid_amount").transform((text, ctx) => {
    const fen = parseYuan(text);
    if (fen === null || (options.positive && fen === 0)) {
      ctx.addIssue({ code: "custom", message: options.positive ? "positive_amount_required" : "invalid_amount" });
      return z.NEVER;
    }
    return fen;
  });
}
