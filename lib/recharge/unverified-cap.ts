import { Prisma } from "@prisma/client";
import { getDatabase } from "@/lib/db";
import { logger } from "@/lib/log/logger";

/** Bodies of unverified notifies kept per config and minute; beyond it they are only counted. */
export const unverifiedStoredPerMinute = 30;

/** The tally of notifies naming no config of ours: their config id is whatever the sender chose. */
export const unknownConfigTally = "unknown";

const keepTallyMs = 24 * 3_600_000;

function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/**
 * Counts one unverified notify for `tallyKey` (a config id, or unknownConfigTally) and says
 * whether its body may still be stored this minute. A forger can make us count, never fill
 * the disk: one row per config and minute, whatever the rate.
 */
export async function withinUnverifiedCap(tallyKey: string, at: Date): Promise<boolean> {
  const db = await getDatabase();
  const minute = minuteOf(at);
  const [row] = await db.query<{ received: number }>(Prisma.sql`
    INSERT INTO "UnverifiedNotifyTally" ("configId", minute, received) VALUES (${tallyKey}, ${minute}::timestamp, 1)
    ON CONFLICT ("configId", minute) DO UPDATE SET received = "UnverifiedNotifyTally".received + 1
    RETURNING received`);
  const received = row?.received ?? 1;
  if (received === 1) {
    await db.query(Prisma.sql`
      DELETE FROM "UnverifiedNotifyTally"
      WHERE "configId" = ${tallyKey} AND minute < ${new Date(minute.getTime() - keepTallyMs)}::timestamp`);
  }
  if (received === unverifiedStoredPerMinute + 1) {
    logger.warn("unverified notifies over the per-minute cap: counting them without storing", {
      configId: tallyKey,
      minute: minute.toISOString(),
    });
  }
  return received <= unverifiedStoredPerMinute;
}
