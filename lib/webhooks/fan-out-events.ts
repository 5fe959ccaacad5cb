import { getPrisma } from "@/lib/db";

export interface FanOutEventsOptions {
  /** At most this many events per run. */
  limit?: number;
}

/**
 * Turns sequenced events into deliveries for every enabled endpoint that wants their type,
 * reading by position after the fan-out cursor. The cursor row is locked for the run, so
 * instances take turns; (endpoint, event) is unique, so a repeated run adds nothing.
 */
export async function fanOutEvents({ limit = 500 }: FanOutEventsOptions = {}): Promise<number> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "WebhookFanout" (id, position) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`;
    const [cursor] = await tx.$queryRaw<{ position: bigint }[]>`
      SELECT position FROM "WebhookFanout" WHERE id = 1 FOR UPDATE SKIP LOCKED`;
    if (!cursor) return 0;
    const events = await tx.event.findMany({
      where: { position: { gt: cursor.position } },
      orderBy: { position: "asc" },
      take: limit,
      select: { id: true, type: true, position: true },
    });
    const last = events.at(-1)?.position;
    if (!last) return 0;
    const endpoints = await tx.webhookEndpoint.findMany({
      where: { enabled: true },
      select: { id: true, eventTypes: true },
    });
    const now = new Date();
    const deliveries = events.flatMap((event) =>
      endpoints
        .filter((endpoint) => endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type))
        .map((endpoint) => ({ endpointId: endpoint.id, eventId: event.id, eventType: event.type, nextAttemptAt: now })),
    );
    if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries, skipDuplicates: true });
    await tx.webhookFanout.update({ where: { id: 1 }, data: { position: last } });
    return events.length;
  });
}
