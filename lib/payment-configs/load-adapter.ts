import { randomUUID } from "node:crypto";
import { Prisma, type PaymentConfig, type Provider } from "@prisma/client";
import { getDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { busChannels, busIsLive, ensureListening, onChannel, watchBus } from "@/lib/events/bus";
import { logger } from "@/lib/log/logger";
import { observeProviderCall } from "@/lib/metrics/registry";
import { offeredConfig } from "@/lib/payment-configs/offered-configs";
import { openSecrets } from "@/lib/payment-configs/secrets";
import { createAdapter } from "@/lib/payments/registry";
import type { PaymentAdapter, ProviderCallRecord } from "@/lib/payments/types";

export interface LoadedConfig {
  config: PaymentConfig;
  adapter: PaymentAdapter;
}

interface CacheEntry {
  version: number;
  adapter: PaymentAdapter;
}

// Building an adapter parses keys; reuse it until the row changes (updatedAt moves).
const cache = new Map<string, CacheEntry>();

/** Keeps every provider call with its outcome. Straight to the driver: each order creation makes one. */
export function recordCall(configId: string) {
  return async (record: ProviderCallRecord) => {
    observeProviderCall(record);
    try {
      const db = await getDatabase();
      const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
      await db.query(
        Prisma.sql`
        INSERT INTO "ProviderCall" (id, provider, "configId", operation, "orderNo", request, response, "httpStatus",
                                    "latencyMs", outcome, "errorMessage", "createdAt")
        VALUES (${randomUUID()}, ${record.provider}::"Provider", ${configId}, ${record.operation},
                ${record.orderNo ?? null}, ${json(record.request)}::jsonb, ${json(record.response)}::jsonb,
                ${record.httpStatus ?? null}::int, ${Math.round(record.latencyMs)}::int, ${record.outcome},
                ${record.errorMessage ?? null}, ${new Date()}::timestamp)`,
        { name: "record-provider-call" },
      );
    } catch (error) {
      logger.error("could not record a provider call", { configId, operation: record.operation, error });
    }
  };
}

function adapterFor(config: PaymentConfig): PaymentAdapter {
  const version = config.updatedAt.getTime();
  const cached = cache.get(config.id);
  if (cached?.version === version) return cached.adapter;
  const adapter = createAdapter(config, openSecrets(config.id, config.sealedSecrets), {
    recordCall: recordCall(config.id),
  });
  cache.set(config.id, { version, adapter });
  return adapter;
}

/**
 * Configs by id as last read, kept only while this instance hears every change: a trigger on
 * "PaymentConfig" announces each committed write on the bus (every instance drops its copy), and
 * losing the bus drops them all. Another instance's edit so takes effect here within the bus's
 * delivery time (milliseconds), not at once: a notify verified meanwhile against the old keys
 * fails and the provider retries it.
 */
interface ConfigCache {
  rows: Map<string, PaymentConfig>;
  /** Each provider's default config: any config's change may move the default, so any change clears these. */
  defaults: Map<Provider, PaymentConfig>;
  /** Moves on every invalidation: a read that overlapped one is not kept (it may be older). */
  generation: number;
}

const configSlot = Symbol.for("recharge-app.payment-config-cache");

function configCache(): ConfigCache {
  const holder = globalThis as { [configSlot]?: ConfigCache };
  if (!holder[configSlot]) {
    const created: ConfigCache = { rows: new Map(), defaults: new Map(), generation: 0 };
    holder[configSlot] = created;
    onChannel(busChannels.configs, (configId) => {
      created.generation += 1;
      created.rows.delete(configId);
      created.defaults.clear();
    });
    watchBus(() => {
      created.generation += 1;
      created.rows.clear();
      created.defaults.clear();
    });
  }
  return holder[configSlot];
}

/**
 * A config by id, even when disabled or deleted: notifies, queries and refunds of orders
 * placed through it must keep working.
 */
/** Whether cached configs may be used and kept: on PostgreSQL while the bus listens. */
async function cacheUsable(): Promise<boolean> {
  const db = await getDatabase();
  if (db.target.kind !== "postgres") return false;
  // Connects the bus on first use; if it cannot, every read goes to the database.
  await ensureListening().catch((error: unknown) => logger.warn("config cache off: no event bus", { error }));
  return busIsLive();
}

export async function loadConfig(configId: string): Promise<LoadedConfig> {
  const db = await getDatabase();
  const cache = configCache();
  const usable = await cacheUsable();
  const cached = usable ? cache.rows.get(configId) : undefined;
  if (cached) return { config: cached, adapter: adapterFor(cached) };
  const generation = cache.generation;
  // Straight to the driver on purpose: every notify starts here (see Database.query); the row is
  // exactly findUnique's.
  const rows = await db.query<PaymentConfig>(Prisma.sql`SELECT * FROM "PaymentConfig" WHERE id = ${configId}`);
  const config = rows[0];
  if (!config) throw new AppError("NOT_FOUND", "payment_config_not_found");
  if (usable && busIsLive() && cache.generation === generation) cache.rows.set(configId, config);
  return { config, adapter: adapterFor(config) };
}

/** The config new orders of a provider use: its enabled default, never a sandbox once real payments are on. */
export async function loadDefaultConfig(provider: Provider): Promise<LoadedConfig> {
  const cache = configCache();
  const usable = await cacheUsable();
  const cached = usable ? cache.defaults.get(provider) : undefined;
  if (cached) return { config: cached, adapter: adapterFor(cached) };
  const generation = cache.generation;
  // Any write to a config clears the cache, so the offered config (which depends on all of them) stays right.
  const config = await offeredConfig(provider);
  if (!config) throw new AppError("UNAVAILABLE", "payment_method_unavailable");
  if (usable && busIsLive() && cache.generation === generation) cache.defaults.set(provider, config);
  return { config, adapter: adapterFor(config) };
}
