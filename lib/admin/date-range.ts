import { TZDate } from "@date-fns/tz";
import { z } from "zod";

// The console shows and filters dates in the display time zone (lib/settings); days there can be
// 23 or 25 hours long where the zone keeps daylight saving, so days are found by calendar, not by adding 24 h.

/** The instant a calendar day ("2025-01-31") starts in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  return wallTimeInstant(`${day}T00:00`, timeZone);
}

/** The instant a wall time ("2025-01-31T09:30", as a datetime-local input gives it) names in `timeZone`. */
export function wallTimeInstant(local: string, timeZone: string): Date {
  const [day = "", time = ""] = local.split("T");
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours = 0, minutes = 0, seconds = 0] = time.split(":").map(Number);
  return new Date(new TZDate(year, month - 1, date, hours, minutes, seconds, timeZone).getTime());
}

/** "2025-01-31" plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The instant the day after `day` starts: an exclusive upper bound for "to" filters. */
export function endOfDay(day: string, timeZone: string): Date {
  return startOfDay(addDays(day, 1), timeZone);
}

/** The calendar day of an instant in `timeZone`, "YYYY-MM-DD". */
export function dayOf(instant: Date, timeZone: string): string {
  return new TZDate(instant.getTime(), timeZone).toISOString().slice(0, 10);
}

/**
 * An instant as ISO 8601 in `timeZone` with its offset, "2025-01-31T09:30:00+08:00": what the
 * CSV exports write, so a file shows the console's times and says which zone they are in.
 */
export function zonedTimestamp(instant: Date, timeZone: string): string {
  // Whole seconds, as the console shows them: floor, so a time never moves into the next second.
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  return new TZDate(seconds, timeZone).toISOString().replace(/\.\d{3}(?=[+-]|Z$)/, "");
}

export const dayField = z.iso.date("invalid_date");

/** `createdAt`-style bounds for optional "from"/"to" days (both inclusive) in `timeZone`. */
export function dayRange(timeZone: string, from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: startOfDay(from, timeZone) } : {}),
    ...(to ? { lt: endOfDay(to, timeZone) } : {}),
  };
}
