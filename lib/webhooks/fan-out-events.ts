import { Prisma } from "@prisma/client";
import { getDatabase } from "@/lib/db";

export interface FanOutEventsOptions {
  /** At most this many events per run. */
  limit?: number;
}

/**
 * Turns sequenced events into deliveries for every enabled endpoint that wants their type,
 * reading by position after the fan-out cursor, as one statement (it runs four times a second
 * on every instance, and the events never need to leave the database). The cursor row is locked
 * for the statement (SKIP LOCKED: instances take turns) and read at its latest version, and the
 * cursor only moves to a position this statement saw; (endpoint, event) is unique, so a
 * repeated run adds nothing. The cursor row is made by a migration.
 */
export async function fanOutEvents({ limit = 500 }: FanOutEventsOptions = {}): Promise<number> {
  const db = await getDatabase();
  const now = new Date();
  const [result] = await db.query<{ events: number }>(
    Prisma.sql`
    WITH cursor AS (
      SELECT position FROM "WebhookFanout" WHERE id = 1 FOR UPDATE SKIP LOCKED
    ), batch AS (
      SELECT event.id, event.type, event.position
      FROM "Event" AS event
      -- A scalar, so the position index is searched from it (not scanned from the start); null
      -- (the cursor taken by another instance) matches nothing.
      WHERE event.position > (SELECT position FROM cursor)
      ORDER BY event.position
      LIMIT ${limit}
    ), deliveries AS (
      INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", "eventType", "nextAttemptAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, endpoint.id, batch.id, batch.type, ${now}::timestamp, ${now}::timestamp,
             ${now}::timestamp
      FROM batch JOIN "WebhookEndpoint" AS endpoint
        ON endpoint.enabled AND (cardinality(endpoint."eventTypes") = 0 OR batch.type = ANY(endpoint."eventTypes"))
      ON CONFLICT ("endpointId", "eventId") DO NOTHING
    ), moved AS (
      UPDATE "WebhookFanout" SET position = (SELECT max(position) FROM batch)
      WHERE id = 1 AND EXISTS (SELECT 1 FROM batch)
    )
    SELECT count(*)::int AS events FROM batch`,
    { name: "fan-out-events" },
  );
  return result?.events ?? 0;
}
