import { tzOffset } from "@date-fns/tz";
import { z } from "zod";

/** Where the app's operators and bills live until an admin chooses otherwise. */
export const defaultTimeZone = "Asia/Shanghai";

/** The zones an admin can choose: the runtime's IANA list, plus "UTC", which ICU keeps apart from it. */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((name) => name !== "UTC")];
}

/** The canonical spelling of an IANA zone ("asia/shanghai" → "Asia/Shanghai"), or null when there is none. */
export function canonicalTimeZone(name: string): string | null {
  try {
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return canonical === "UTC" || timeZoneNames().includes(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

export const timeZoneField = z
  .string()
  .max(64, "invalid_time_zone")
  .transform((name, context) => {
    const canonical = canonicalTimeZone(name.trim());
    if (!canonical) {
      context.addIssue({ code: "custom", message: "invalid_time_zone" });
      return z.NEVER;
    }
    return canonical;
  });

/** "UTC+08:00", "UTC−05:00": the zone's offset at `instant`, for labels (it moves with daylight saving). */
export function offsetLabel(timeZone: string, instant: Date): string {
  const minutes = tzOffset(timeZone, instant);
  const sign = minutes < 0 ? "−" : "+";
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
  return `UTC${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
}
