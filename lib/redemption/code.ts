import { createHash, randomInt } from "node:crypto";

/** Digits and capitals without the look-alikes 0/O, 1/I/L: 31 symbols. */
export const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const groups = 5;
const groupLength = 4;
const codeLength = groups * groupLength;

/** log2(31) × 20 ≈ 99 bits of entropy per code. */
export const codeEntropyBits = Math.floor(codeLength * Math.log2(codeAlphabet.length));

/** A new code like `7KQX-M3PA-…`, every symbol drawn uniformly from a CSPRNG. */
export function generateCode(): string {
  const symbols = Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  return Array.from({ length: groups }, (_, index) =>
    symbols.slice(index * groupLength, (index + 1) * groupLength).join(""),
  ).join("-");
}

/**
 * What the user typed, as stored: full-width characters (a Chinese IME) folded to ASCII,
 * capitals, no spaces or dashes. Null when it cannot be a code at all.
 */
export function normaliseCode(input: string): string | null {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_]/g, "");
  if (compact.length !== codeLength) return null;
  for (const symbol of compact) if (!codeAlphabet.includes(symbol)) return null;
  return compact;
}

/** The stored form: hex SHA-256 of the normalised code (codes carry ~99 random bits, so no salt is needed). */
export function hashCode(normalised: string): string {
  return createHash("sha256").update(normalised, "utf8").digest("hex");
}
