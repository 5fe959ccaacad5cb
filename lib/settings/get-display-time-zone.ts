import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { defaultTimeZone } from "@/lib/settings/time-zone";

/**
 * Every page reads the zone, so each instance keeps it for a few seconds: another instance's
 * change shows here within that time; this instance's own change at once.
 */
const keepMs = 10_000;

interface Cached {
  timeZone: string;
  readAt: number;
}

const slot = Symbol.for("recharge-app.display-time-zone");

function holder(): { [slot]?: Cached } {
  return globalThis as { [slot]?: Cached };
}

/** The zone the console, the pages and the exports show times in. */
export async function getDisplayTimeZone(): Promise<string> {
  const cached = holder()[slot];
  if (cached && Date.now() - cached.readAt < keepMs) return cached.timeZone;
  try {
    const prisma = await getPrisma();
    const row = await prisma.displaySettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
    const timeZone = row?.timeZone ?? defaultTimeZone;
    holder()[slot] = { timeZone, readAt: Date.now() };
    return timeZone;
  } catch (error) {
    // A page (or its error page) must still render while the database is away: the last zone read, or the default.
    logger.warn("could not read the display time zone", { error });
    return cached?.timeZone ?? defaultTimeZone;
  }
}

/** Drops this instance's copy, so the next read sees a change just made. */
export function forgetDisplayTimeZone(): void {
  delete holder()[slot];
}
