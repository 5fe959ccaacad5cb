/** Bills cover a Beijing calendar day (UTC+8 all year, no daylight saving since 1991). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instants [start, end) of a Beijing day; throws RangeError on a malformed or impossible date. */
export function beijingDayBounds(billDate: string): { start: Date; end: Date } {
  const match = DATE.exec(billDate);
  const start = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - BEIJING_OFFSET_MS)
    : null;
  if (!start || beijingDate(start) !== billDate) throw new RangeError(`not a date: ${billDate}`);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** The Beijing calendar day an instant falls on, YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing day before the one `at` falls on. */
export function beijingYesterday(at: Date): string {
  return beijingDate(new Date(at.getTime() - DAY_MS));
}

/** The instant of `hour`:00 Beijing time on the day after `billDate`: when its bill is ready. */
export function readyAt(billDate: string, hour: number): Date {
  return new Date(beijingDayBounds(billDate).end.getTime() + hour * 3_600_000);
}
