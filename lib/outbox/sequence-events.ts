import { getPrisma } from "@/lib/db";

/** Any constant both instances agree on: it names the sequencer's advisory lock. */
const sequencerLock = 0x45_56_54_53; // "EVTS"

export interface SequenceEventsOptions {
  /** At most this many events per run. */
  limit?: number;
}

/**
 * Gives committed events their `position`, in `seq` order, one sequencer at a time across
 * instances (a transaction-scoped advisory lock; a second instance skips its turn). `seq` is
 * taken when a transaction inserts its event but becomes visible when it commits, so a
 * reader by `seq` could pass a gap that fills later; a position is only ever given to an event
 * already visible, and each run starts after the last one's highest position, so a reader
 * by position never skips one.
 */
export async function sequenceEvents({ limit = 1_000 }: SequenceEventsOptions = {}): Promise<number> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(${sequencerLock}) AS locked`;
    if (!lock?.locked) return 0;
    return tx.$executeRaw`
      UPDATE "Event" AS e
      SET position = base.last + next.rank
      FROM (SELECT COALESCE(MAX(position), 0) AS last FROM "Event") AS base,
           (SELECT seq, ROW_NUMBER() OVER (ORDER BY seq) AS rank
              FROM "Event" WHERE position IS NULL ORDER BY seq LIMIT ${limit}) AS next
      WHERE e.seq = next.seq`;
  });
}
