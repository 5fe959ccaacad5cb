import { randomBytes } from "node:crypto";

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * "R" + UTC date + 20 random characters (100 bits): unguessable, sortable by day, and within
 * both providers' rules for out_trade_no (letters and digits, at most 32 characters).
 */
export function newOrderNo(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  const random = Array.from(randomBytes(20), (byte) => alphabet[byte & 31]).join("");
  return `R${day}${random}`;
}

export const orderNoPattern = /^R\d{8}[A-Z2-9]{20}$/;
