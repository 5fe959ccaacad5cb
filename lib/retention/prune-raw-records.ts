import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export interface PruneOptions {
  now?: Date;
  /** Defaults to RETENTION_DAYS. */
  olderThanDays?: number;
  batchSize?: number;
}

export interface PruneResult {
  callbacks: number;
  providerCalls: number;
}

const DAY_MS = 24 * 3_600_000;

/**
 * Deletes raw notifies and provider-call records past the retention age, in small batches so
 * no long lock is held. Orders, order history, ledger, refunds, bills and audit are never
 * touched. Deleting is idempotent, so several instances may run it together.
 */
export async function pruneRawRecords({
  now = new Date(),
  olderThanDays,
  batchSize = 1_000,
}: PruneOptions = {}): Promise<PruneResult> {
  const prisma = await getPrisma();
  const cutoff = new Date(now.getTime() - (olderThanDays ?? env().RETENTION_DAYS) * DAY_MS);
  const result: PruneResult = { callbacks: 0, providerCalls: 0 };
  for (;;) {
    const deleted = await prisma.$executeRaw`
      DELETE FROM "PaymentCallback" WHERE id IN (
        SELECT id FROM "PaymentCallback" WHERE "createdAt" < ${cutoff} LIMIT ${batchSize})`;
    result.callbacks += deleted;
    if (deleted < batchSize) break;
  }
  for (;;) {
    const deleted = await prisma.$executeRaw`
      DELETE FROM "ProviderCall" WHERE id IN (
        SELECT id FROM "ProviderCall" WHERE "createdAt" < ${cutoff} LIMIT ${batchSize})`;
    result.providerCalls += deleted;
    if (deleted < batchSize) break;
  }
  if (result.callbacks || result.providerCalls) logger.info("pruned raw records", { ...result, cutoff });
  return result;
}
