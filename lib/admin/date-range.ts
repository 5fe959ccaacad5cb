import { z } from "zod";

// The console shows and filters dates in China time (UTC+8, no daylight saving).
const chinaOffset = "+08:00";

/** Start of a China-time calendar day ("2025-01-31") as an instant. */
export function startOfChinaDay(day: string): Date {
  return new Date(`${day}T00:00:00${chinaOffset}`);
}

/** The instant the day after `day` starts: an exclusive upper bound for "to" filters. */
export function endOfChinaDay(day: string): Date {
  return new Date(startOfChinaDay(day).getTime() + 24 * 60 * 60 * 1000);
}

/** The China-time calendar day of an instant, "YYYY-MM-DD". */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * An instant as ISO 8601 in China time with its offset, "2025-01-31T09:30:00+08:00": what the
 * CSV exports write, so a file shows the console's times and says which zone they are in.
 */
export function chinaTimestamp(instant: Date): string {
  return `${new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 19)}${chinaOffset}`;
}

export const dayField = z.iso.date("invalid_date");

/** `createdAt`-style bounds for optional "from"/"to" days (both inclusive). */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: startOfChinaDay(from) } : {}), ...(to ? { lt: endOfChinaDay(to) } : {}) };
}
