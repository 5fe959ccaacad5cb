import { createHash } from "node:crypto";
import type { PaymentConfig, ReconciliationStatus } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { countReconciliationRun } from "@/lib/metrics/registry";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { BillFormatError, ProviderError, type ParsedBill } from "@/lib/payments/types";
import { beijingDayBounds, readyAt } from "./beijing-day";
import { compareBill } from "./compare-bill";

/** Hours after midnight Beijing time, on the next day, when each provider's bill is ready. */
export const BILL_READY_HOUR = { WECHAT: 10, ALIPAY: 9 } as const;

const LEASE_MS = 10 * 60_000;
const NOT_READY_RETRY_MS = 30 * 60_000;
const FAILED_RETRY_MS = [15 * 60_000, 60 * 60_000, 3 * 3_600_000];

export interface ReconcileDayOptions {
  configId: string;
  /** YYYY-MM-DD, a Beijing day. */
  billDate: string;
  trigger: "job" | "admin";
  actorId?: string;
  /** Run again even if the day is done (the admin's "reconcile this day"). */
  force?: boolean;
  now?: Date;
}

export interface ReconcileDayResult {
  /** BUSY: another instance holds the run, or it is not due; nothing was done. */
  status: ReconciliationStatus | "BUSY";
  runId?: string;
  differences?: number;
  settled?: number;
  detail?: string;
}

const EMPTY_BILL: ParsedBill = {
  lines: [],
  stated: { lines: 0, paymentFen: 0, refundFen: 0 },
  counted: { lines: 0, paymentFen: 0, refundFen: 0 },
};

/**
 * Takes the day's run for this instance, or returns null. The condition is inside the UPDATE,
 * so of several instances (or a job racing the admin button) exactly one gets it; a run whose
 * instance died is taken over once its lease has passed.
 */
async function claimRun(
  config: PaymentConfig,
  options: Required<Omit<ReconcileDayOptions, "actorId">> & { actorId?: string },
) {
  const prisma = await getPrisma();
  const { billDate, now, force, trigger } = options;
  await prisma.reconciliationRun.createMany({
    data: [{ configId: config.id, provider: config.provider, billDate, nextAttemptAt: now }],
    skipDuplicates: true,
  });
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = await prisma.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "ReconciliationRun"
    SET status = 'RUNNING', "leaseUntil" = ${lease}, attempts = attempts + 1, "startedAt" = ${now},
        "lastTrigger" = ${trigger}, "lastActorId" = ${options.actorId ?? null}, "updatedAt" = ${now}
    WHERE "configId" = ${config.id} AND "billDate" = ${billDate}
      AND (
        (status = 'RUNNING' AND "leaseUntil" < ${now})
        OR (status <> 'RUNNING' AND ${force})
        OR (status IN ('PENDING', 'NOT_READY', 'FAILED') AND "nextAttemptAt" <= ${now})
      )
    RETURNING id, attempts`;
  return rows[0] ?? null;
}

async function finish(
  runId: string,
  data: Parameters<Awaited<ReturnType<typeof getPrisma>>["reconciliationRun"]["update"]>[0]["data"],
) {
  const prisma = await getPrisma();
  await prisma.reconciliationRun.update({
    where: { id: runId },
    data: { ...data, leaseUntil: null, finishedAt: new Date() },
  });
}

/** Keeps the file as served; the same bytes downloaded again are the same row. */
async function storeBill(config: PaymentConfig, billDate: string, fileName: string, bytes: Buffer, lineCount: number) {
  const prisma = await getPrisma();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const key = { configId_billDate_sha256: { configId: config.id, billDate, sha256 } };
  return prisma.providerBill.upsert({
    where: key,
    create: {
      configId: config.id,
      provider: config.provider,
      billDate,
      fileName,
      sha256,
      sizeBytes: bytes.length,
      content: bytes.toString("base64"),
      lineCount,
    },
    update: {},
    select: { id: true },
  });
}

type Fetched = { state: "READY"; bill: ParsedBill; billId: string | null } | { state: "NOT_READY"; detail: string };

async function fetchBill(config: PaymentConfig, billDate: string, now: Date): Promise<Fetched> {
  const { adapter } = await loadConfig(config.id);
  const download = await adapter.bills.download(billDate);
  if (download.state === "NOT_READY") return download;
  if (download.state === "EMPTY") {
    // Before the ready hour "no bill" may only mean "not yet".
    if (now < readyAt(billDate, BILL_READY_HOUR[config.provider]))
      return { state: "NOT_READY", detail: "before the bill is ready" };
    return { state: "READY", bill: EMPTY_BILL, billId: null };
  }
  // Parsed whole before anything is stored or compared: a bad file changes nothing.
  const bill = adapter.bills.parse(download.bytes);
  const stored = await storeBill(config, billDate, download.fileName, download.bytes, bill.lines.length);
  return { state: "READY", bill, billId: stored.id };
}

async function recordDifferences(
  config: PaymentConfig,
  billDate: string,
  found: Awaited<ReturnType<typeof compareBill>>["differences"],
) {
  const prisma = await getPrisma();
  if (found.length) {
    await prisma.reconciliationDifference.createMany({
      data: found.map((row) => ({ ...row, configId: config.id, provider: config.provider, billDate })),
      skipDuplicates: true,
    });
  }
  return prisma.reconciliationDifference.count({ where: { configId: config.id, billDate, status: "OPEN" } });
}

/**
 * Reconciles one config's Beijing day with the provider's bill: download, check and keep the
 * file, compare three ways, record the differences. Safe to run again and from several
 * instances: differences are keyed, credits go through settleOrder.
 */
export async function reconcileDay(options: ReconcileDayOptions): Promise<ReconcileDayResult> {
  const { configId, billDate, trigger, force = false, now = new Date() } = options;
  try {
    beijingDayBounds(billDate);
  } catch {
    throw new AppError("VALIDATION", "invalid_bill_date", { fields: { billDate: "invalid_date" } });
  }
  const { config } = await loadConfig(configId);
  if (now < beijingDayBounds(billDate).end) {
    throw new AppError("VALIDATION", "day_not_over", { fields: { billDate: "day_not_over" } });
  }
  const run = await claimRun(config, { configId, billDate, trigger, force, now, actorId: options.actorId });
  if (!run) return { status: "BUSY" };

  try {
    const fetched = await fetchBill(config, billDate, now);
    if (fetched.state === "NOT_READY") {
      await finish(run.id, {
        status: "NOT_READY",
        detail: fetched.detail,
        nextAttemptAt: new Date(now.getTime() + NOT_READY_RETRY_MS),
      });
      countReconciliationRun(config.provider, "NOT_READY");
      return { status: "NOT_READY", runId: run.id, detail: fetched.detail };
    }
    const comparison = await compareBill(config, billDate, fetched.bill);
    const open = await recordDifferences(config, billDate, comparison.differences);
    await finish(run.id, {
      status: "DONE",
      billId: fetched.billId,
      stated: { ...fetched.bill.stated },
      counted: { ...fetched.bill.counted },
      billLines: fetched.bill.lines.length,
      matched: comparison.matched,
      settled: { increment: comparison.settled },
      differences: open,
      detail: null,
    });
    countReconciliationRun(config.provider, "DONE");
    logger.info("reconciled a day with the provider's bill", { configId, billDate, open, settled: comparison.settled });
    return { status: "DONE", runId: run.id, differences: open, settled: comparison.settled };
  } catch (error) {
    const known = error instanceof ProviderError || error instanceof BillFormatError;
    const detail = error instanceof Error ? error.message : String(error);
    const wait = FAILED_RETRY_MS[Math.min(run.attempts - 1, FAILED_RETRY_MS.length - 1)]!;
    await finish(run.id, { status: "FAILED", detail, nextAttemptAt: new Date(now.getTime() + wait) });
    countReconciliationRun(config.provider, "FAILED");
    logger.warn("reconciliation failed; will retry", { configId, billDate, error: detail, known });
    if (!known) throw error;
    return { status: "FAILED", runId: run.id, detail };
  }
}
