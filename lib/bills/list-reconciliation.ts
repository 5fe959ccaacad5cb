import type { DifferenceStatus, Provider, ReconciliationStatus } from "@prisma/client";
import { z } from "zod";
import { getPrisma } from "@/lib/db";

export const reconciliationQuerySchema = z.object({
  status: z.enum(["OPEN", "RESOLVED", "ALL"]).default("OPEN"),
  billDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type ReconciliationQuery = z.infer<typeof reconciliationQuerySchema>;

export interface RunView {
  id: string;
  configId: string;
  configName: string;
  provider: Provider;
  billDate: string;
  status: ReconciliationStatus;
  attempts: number;
  billLines: number;
  matched: number;
  settled: number;
  differences: number;
  totalsMatch: boolean | null;
  detail: string | null;
  finishedAt: string | null;
  nextAttemptAt: string;
}

export interface DifferenceView {
  id: string;
  configName: string;
  provider: Provider;
  billDate: string;
  kind: string;
  orderNo: string | null;
  refundNo: string | null;
  providerTradeNo: string | null;
  billFen: number | null;
  ourFen: number | null;
  detail: string;
  status: DifferenceStatus;
  resolution: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

const PAGE_SIZE = 50;

function totalsMatch(stated: unknown, counted: unknown): boolean | null {
  if (!stated || !counted) return null;
  return JSON.stringify(stated) === JSON.stringify(counted);
}

async function configNames(ids: string[]): Promise<Map<string, string>> {
  const prisma = await getPrisma();
  const configs = await prisma.paymentConfig.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(configs.map((config) => [config.id, config.name]));
}

/** The last run of every config (newest day first), for the console and the dashboard. */
export async function latestRuns(): Promise<RunView[]> {
  const prisma = await getPrisma();
  const runs = await prisma.reconciliationRun.findMany({
    distinct: ["configId"],
    orderBy: [{ configId: "asc" }, { billDate: "desc" }],
  });
  const names = await configNames(runs.map((run) => run.configId));
  return runs
    .map((run) => ({
      id: run.id,
      configId: run.configId,
      configName: names.get(run.configId) ?? run.configId,
      provider: run.provider,
      billDate: run.billDate,
      status: run.status,
      attempts: run.attempts,
      billLines: run.billLines,
      matched: run.matched,
      settled: run.settled,
      differences: run.differences,
      totalsMatch: totalsMatch(run.stated, run.counted),
      detail: run.detail,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      nextAttemptAt: run.nextAttemptAt.toISOString(),
    }))
    .sort((a, b) => b.billDate.localeCompare(a.billDate) || a.configName.localeCompare(b.configName));
}

export function differenceWhere(query: Pick<ReconciliationQuery, "status" | "billDate">) {
  return {
    ...(query.status === "ALL" ? {} : { status: query.status }),
    ...(query.billDate ? { billDate: query.billDate } : {}),
  };
}

export async function listDifferences(query: ReconciliationQuery) {
  const prisma = await getPrisma();
  const where = differenceWhere(query);
  const [rows, total, open] = await Promise.all([
    prisma.reconciliationDifference.findMany({
      where,
      orderBy: [{ billDate: "desc" }, { createdAt: "desc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.reconciliationDifference.count({ where }),
    prisma.reconciliationDifference.count({ where: { status: "OPEN" } }),
  ]);
  const names = await configNames([...new Set(rows.map((row) => row.configId))]);
  const items: DifferenceView[] = rows.map((row) => ({
    id: row.id,
    configName: names.get(row.configId) ?? row.configId,
    provider: row.provider,
    billDate: row.billDate,
    kind: row.kind,
    orderNo: row.orderNo,
    refundNo: row.refundNo,
    providerTradeNo: row.providerTradeNo,
    billFen: row.billFen,
    ourFen: row.ourFen,
    detail: row.detail,
    status: row.status,
    resolution: row.resolution,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
  return { items, total, open, page: query.page, pageSize: PAGE_SIZE };
}

/** Configs an admin may reconcile: every one not deleted. */
export async function reconcilableConfigs(): Promise<{ id: string; name: string }[]> {
  const prisma = await getPrisma();
  return prisma.paymentConfig.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true },
    orderBy: [{ provider: "asc" }, { name: "asc" }],
  });
}
