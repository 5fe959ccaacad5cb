import type { EventType } from "@/lib/outbox/record-event";

/** Every event type the operator's app can subscribe to (DESIGN §10, issue 13). */
export const webhookEventTypes = [
  "order.paid",
  "order.refunded",
  "credits.granted",
  "credits.debited",
  "credits.expired",
  "hold.captured",
  "hold.released",
  "hold.expired",
  "balance.low",
] as const satisfies readonly EventType[];

export type WebhookEventType = (typeof webhookEventTypes)[number];
