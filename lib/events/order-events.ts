import { Prisma } from "@prisma/client";
import { Client } from "pg";
import { getDatabase } from "@/lib/db";
import { OrderListeners, type OrderEvent } from "@/lib/events/order-listeners";
import { logger } from "@/lib/log/logger";

export type { OrderEvent } from "@/lib/events/order-listeners";

/** The PostgreSQL channel; statements that change an order may `pg_notify` it themselves. */
export const orderEventChannel = "order_events";
const slot = Symbol.for("recharge-app.order-events");

interface Bus {
  listeners: OrderListeners;
  listening?: Promise<void>;
}

function bus(): Bus {
  const holder = globalThis as { [slot]?: Bus };
  holder[slot] ??= { listeners: new OrderListeners() };
  return holder[slot];
}

function dispatch(event: OrderEvent): void {
  bus().listeners.dispatch(event, (error) => logger.warn("an order event listener failed", { error }));
}

/**
 * On PostgreSQL every instance LISTENs on one channel, so an order paid on one instance
 * reaches live pages served by any other. The embedded database has one process: the
 * in-process dispatch is the whole bus.
 */
async function ensureListening(): Promise<void> {
  const state = bus();
  state.listening ??= (async () => {
    const db = await getDatabase();
    if (db.target.kind !== "postgres") return;
    const url = db.target.url;
    const connect = async (): Promise<void> => {
      const client = new Client({ connectionString: url });
      client.on("notification", (message) => {
        if (message.channel !== orderEventChannel || !message.payload) return;
        let event: OrderEvent;
        try {
          event = JSON.parse(message.payload) as OrderEvent;
        } catch {
          logger.warn("ignored a malformed order event");
          return;
        }
        dispatch(event);
      });
      client.on("error", (error) => {
        logger.warn("order event listener lost its connection; reconnecting", { error: error.message });
        void client.end().catch(() => undefined);
        setTimeout(() => void connect().catch(() => undefined), 1_000).unref();
      });
      await client.connect();
      await client.query(`LISTEN ${orderEventChannel}`);
    };
    await connect();
  })().catch((error: unknown) => {
    state.listening = undefined;
    throw error;
  });
  return state.listening;
}

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
  return bus().listeners.add(orderNo, listener);
}

/** Live subscriptions open in this instance, over all orders. */
export function openSubscriptions(): number {
  return bus().listeners.size;
}
