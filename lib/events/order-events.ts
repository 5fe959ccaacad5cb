import { Prisma } from "@prisma/client";
import { getDatabase } from "@/lib/db";
import { busChannels, ensureListening, onChannel } from "@/lib/events/bus";
import { OrderListeners, type OrderEvent } from "@/lib/events/order-listeners";
import { logger } from "@/lib/log/logger";

export type { OrderEvent } from "@/lib/events/order-listeners";

/** The PostgreSQL channel; statements that change an order may `pg_notify` it themselves. */
export const orderEventChannel = busChannels.orders;
const slot = Symbol.for("recharge-app.order-listeners");

function listeners(): OrderListeners {
  const holder = globalThis as { [slot]?: OrderListeners };
  holder[slot] ??= new OrderListeners();
  return holder[slot];
}

function dispatch(event: OrderEvent): void {
  listeners().dispatch(event, (error) => logger.warn("an order event listener failed", { error }));
}

onChannel(orderEventChannel, (payload) => {
  let event: OrderEvent;
  try {
    event = JSON.parse(payload) as OrderEvent;
  } catch {
    logger.warn("ignored a malformed order event");
    return;
  }
  dispatch(event);
});

/** Tells every instance's live listeners that an order changed. Call after the change commits. */
export async function publishOrderEvent(event: OrderEvent): Promise<void> {
  const db = await getDatabase();
  if (db.target.kind === "postgres") {
    await db.query(Prisma.sql`SELECT pg_notify(${orderEventChannel}, ${JSON.stringify(event)})`);
  } else {
    dispatch(event);
  }
}

/**
 * For a change whose own statement called `pg_notify(orderEventChannel, …)`: PostgreSQL delivers
 * that to every instance on commit; the embedded database has only this process to tell.
 */
export async function announceOrderEvent(event: OrderEvent): Promise<void> {
  const db = await getDatabase();
  if (db.target.kind !== "postgres") dispatch(event);
}

/** Calls `listener` for events about `orderNo` until the returned function is called. */
export async function subscribeToOrder(orderNo: string, listener: (event: OrderEvent) => void): Promise<() => void> {
  await ensureListening();
  return listeners().add(orderNo, listener);
}

/** Live subscriptions open in this instance, over all orders. */
export function openSubscriptions(): number {
  return listeners().size;
}
