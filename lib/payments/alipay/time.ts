/**
 * Alipay writes times as "yyyy-MM-dd HH:mm:ss" in Beijing time (Asia/Shanghai), whatever the server's time zone.
 * China has used a fixed UTC+8 without daylight saving since 1991, so a constant offset is exact.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** Formats to whole seconds (fractions are dropped, so an expiry never moves later). */
export function formatBeijingTime(date: Date): string {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError("cannot format an invalid date");
  const shifted = new Date(time + BEIJING_OFFSET_MS);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ` +
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`
  );
}

/** Parses Alipay's format; refund times may carry milliseconds ("… 15:45:57.320"). Invalid dates yield undefined. */
export function parseBeijingTime(text: string): Date | undefined {
  const match = TIME_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? "0").padEnd(3, "0"));
  const shifted = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 2019-02-30 over to March; a round trip catches such impossible dates.
  const valid =
    shifted.getUTCFullYear() === year &&
    shifted.getUTCMonth() === month - 1 &&
    shifted.getUTCDate() === day &&
    shifted.getUTCHours() === hour &&
    shifted.getUTCMinutes() === minute &&
    shifted.getUTCSeconds() === second;
  return valid ? new Date(shifted.getTime() - BEIJING_OFFSET_MS) : undefined;
}
