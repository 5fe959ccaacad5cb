import { getPrisma } from "@/lib/db";

/** How long events (and the API's idempotency records and call log) are kept. */
export const retentionMs = 30 * 24 * 3_600_000;

export interface PruneEventsOptions {
  now?: Date;
}

/**
 * Deletes events older than 30 days, with the API idempotency records and call log of the
 * same age. Webhook deliveries give up after about three days, long before their event goes.
 */
export async function pruneEvents({ now = new Date() }: PruneEventsOptions = {}): Promise<number> {
  const before = new Date(now.getTime() - retentionMs);
  const prisma = await getPrisma();
  const [events] = await prisma.$transaction([
    prisma.event.deleteMany({ where: { createdAt: { lt: before }, NOT: { position: null } } }),
    prisma.apiIdempotencyRecord.deleteMany({ where: { createdAt: { lt: before } } }),
    prisma.apiCall.deleteMany({ where: { createdAt: { lt: before } } }),
  ]);
  return events.count;
}
