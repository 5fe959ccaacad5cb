import { Prisma, type PaymentConfig, type Provider } from "@prisma/client";
import { getDatabase, getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
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

export function recordCall(configId: string) {
  return async (record: ProviderCallRecord) => {
    try {
      const prisma = await getPrisma();
      await prisma.providerCall.create({
        data: {
          provider: record.provider,
          configId,
          operation: record.operation,
          orderNo: record.orderNo,
          request: record.request as object,
          response: record.response as object | undefined,
          httpStatus: record.httpStatus,
          latencyMs: Math.round(record.latencyMs),
          outcome: record.outcome,
          errorMessage: record.errorMessage,
        },
      });
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
 * A config by id, even when disabled or deleted: notifies, queries and refunds of orders
 * placed through it must keep working.
 */
export async function loadConfig(configId: string): Promise<LoadedConfig> {
  const db = await getDatabase();
  // Straight to the driver on purpose: every notify starts here (see Database.query); the row is
  // exactly findUnique's.
  const rows = await db.query<PaymentConfig>(Prisma.sql`SELECT * FROM "PaymentConfig" WHERE id = ${configId}`);
  const config = rows[0];
  if (!config) throw new AppError("NOT_FOUND", "payment_config_not_found");
  return { config, adapter: adapterFor(config) };
}

/** The config new orders of a provider use: its enabled default, never a sandbox once real payments are on. */
export async function loadDefaultConfig(provider: Provider): Promise<LoadedConfig> {
  const config = await offeredConfig(provider);
  if (!config) throw new AppError("UNAVAILABLE", "payment_method_unavailable");
  return { config, adapter: adapterFor(config) };
}
