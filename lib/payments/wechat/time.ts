/** WeChat Pay v3 timestamps are RFC 3339 with an offset, e.g. `2018-06-08T10:34:56+08:00`. */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Formats in Beijing time with whole seconds, the shape of every WeChat example. */
export function toWechatTime(date: Date): string {
  return `${new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Parses a WeChat timestamp; undefined unless it is a well-formed RFC 3339 instant. */
export function parseWechatTime(value: string): Date | undefined {
  if (!RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
