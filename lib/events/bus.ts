import { Client } from "pg";
import { getDatabase } from "@/lib/db";
import { logger } from "@/lib/log/logger";

/**
 * Every channel of the bus, listened to from the first connection on: a handler registered later
 * (another route's code loaded later) must not find its channel unheard.
 */
export const busChannels = {
  /** Order status changes, for live pages; statements that change an order may `pg_notify` it themselves. */
  orders: "order_events",
  /** Payment config rows changed (a trigger on "PaymentConfig" sends the id): cached copies are stale. */
  configs: "config_events",
} as const;

export type BusChannel = (typeof busChannels)[keyof typeof busChannels];

type ChannelHandler = (payload: string) => void;

interface BusState {
  channels: Map<BusChannel, ChannelHandler>;
  /** Told whenever the listening connection comes up or goes down: messages may have been missed. */
  watchers: Set<(live: boolean) => void>;
  live: boolean;
  listening?: Promise<void>;
}

const slot = Symbol.for("recharge-app.event-bus");

function state(): BusState {
  const holder = globalThis as { [slot]?: BusState };
  holder[slot] ??= { channels: new Map(), watchers: new Set(), live: false };
  return holder[slot];
}

/** Handles messages of one PostgreSQL channel in this instance (one handler per channel). */
export function onChannel(channel: BusChannel, handler: ChannelHandler): void {
  state().channels.set(channel, handler);
}

/** Calls `watcher` each time the bus connects (true) or loses its connection (false). */
export function watchBus(watcher: (live: boolean) => void): void {
  state().watchers.add(watcher);
}

/** Whether this instance is listening right now: only then are other instances' changes heard. */
export function busIsLive(): boolean {
  return state().live;
}

function setLive(live: boolean): void {
  const bus = state();
  if (bus.live === live) return;
  bus.live = live;
  for (const watcher of bus.watchers) watcher(live);
}

/**
 * On PostgreSQL every instance LISTENs on the channels on one connection of its own, so a change
 * made on one instance (or by a statement's `pg_notify`, delivered on commit) reaches all of them.
 * The embedded database has one process and no bus: callers there tell themselves.
 */
export async function ensureListening(): Promise<void> {
  const bus = state();
  bus.listening ??= (async () => {
    const db = await getDatabase();
    if (db.target.kind !== "postgres") return;
    const url = db.target.url;
    const connect = async (): Promise<void> => {
      const client = new Client({ connectionString: url });
      let connected = false;
      let lost = false;
      const lose = (reason: string) => {
        if (lost) return;
        lost = true;
        void client.end().catch(() => undefined);
        // A failed attempt is its caller's to handle; a working connection that drops is ours.
        if (!connected) return;
        setLive(false);
        logger.warn("event bus lost its connection; reconnecting", { reason });
        retry();
      };
      client.on("notification", (message) => {
        const handler = bus.channels.get(message.channel as BusChannel);
        if (handler && message.payload) handler(message.payload);
      });
      client.on("error", (error) => lose(error.message));
      client.on("end", () => lose("connection ended"));
      try {
        await client.connect();
        for (const channel of Object.values(busChannels)) await client.query(`LISTEN ${channel}`);
      } catch (error) {
        lose(String(error));
        throw error;
      }
      connected = true;
      setLive(true);
    };
    const retry = (): void => {
      setTimeout(() => {
        connect().catch((error: unknown) => {
          logger.warn("event bus could not reconnect; retrying", { error: String(error) });
          retry();
        });
      }, 1_000).unref();
    };
    await connect();
  })().catch((error: unknown) => {
    bus.listening = undefined;
    throw error;
  });
  return bus.listening;
}
