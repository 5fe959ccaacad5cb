/**
 * Alipay amounts are decimal yuan strings ("12.34"); we keep integer fen. Both directions are
 * pure string work, so no value ever passes through floating point (0.29 * 100 !== 29).
 */

// At most 13 integer digits keeps every result below Number.MAX_SAFE_INTEGER fen.
const YUAN_PATTERN = /^(0|[1-9][0-9]{0,12})(?:\.([0-9]{1,2}))?$/;

/** 1234 → "12.34". Throws on anything but a non-negative safe integer: that is a bug in the caller. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`amount must be a non-negative whole number of fen, got ${String(fen)}`);
  }
  const digits = String(fen).padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * "12.34" → 1234, exactly. Anything that is not a plain non-negative decimal with at most two
 * fraction digits ("1.234", "-1", "1e3", " 1", "01.00", ".5") yields undefined.
 */
export function yuanToFen(text: string): number | undefined {
  const match = YUAN_PATTERN.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return Number(whole) * 100 + Number(fraction);
}
