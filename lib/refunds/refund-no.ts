import { randomBytes } from "node:crypto";

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** "F" + UTC date + 20 random characters: our out_refund_no / out_request_no. */
export function newRefundNo(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `F${day}${Array.from(randomBytes(20), (byte) => alphabet[byte & 31]).join("")}`;
}
