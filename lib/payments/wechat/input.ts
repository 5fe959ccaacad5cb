/**
 * Checks on what we send WeChat Pay (its documented formats), so a caller's bug fails here with
 * a clear message instead of reaching the provider — or a URL path, for order numbers.
 */
const ORDER_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
const REFUND_NO = /^[A-Za-z0-9_\-|*@]{1,64}$/;
const MAX_DESCRIPTION_CHARS = 127;

export function assertOrderNo(orderNo: string): void {
  if (!ORDER_NO.test(orderNo)) throw new RangeError("orderNo must be 6-32 characters of A-Z a-z 0-9 _ - | *");
}

export function assertRefundNo(refundNo: string): void {
  if (!REFUND_NO.test(refundNo)) throw new RangeError("refundNo must be 1-64 characters of A-Z a-z 0-9 _ - | * @");
}

export function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${what} must be a positive integer of fen`);
}

export function assertDescription(description: string): void {
  const length = Array.from(description).length;
  if (length === 0 || length > MAX_DESCRIPTION_CHARS) {
    throw new RangeError(`description must be 1-${MAX_DESCRIPTION_CHARS} characters`);
  }
}

/** Cuts to `max` characters (not UTF-16 units, so no half surrogate pair is sent). */
export function clip(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("");
}
