import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";

export type EventType =
  | "order.paid"
  | "order.refunded"
  | "credits.granted"
  | "credits.debited"
  | "credits.expired"
  | "balance.low"
  | "hold.captured"
  | "hold.released"
  | "hold.expired";

export interface RecordEventInput {
  type: EventType;
  userId: string | null;
  data: Prisma.InputJsonObject;
}

/** A public event id: what receivers dedupe on (the webhook-id). */
export function newEventId(): string {
  return `evt_${randomBytes(16).toString("base64url")}`;
}

/**
 * Writes an event into the outbox inside the caller's transaction, so it exists exactly when
 * the change it describes commits. Delivery and the event feed read it after commit.
 */
export async function recordEvent(tx: Prisma.TransactionClient, input: RecordEventInput): Promise<string> {
  const id = newEventId();
  await tx.event.create({ data: { id, type: input.type, userId: input.userId, data: input.data } });
  return id;
}
