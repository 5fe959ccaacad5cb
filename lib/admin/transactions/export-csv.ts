import type { Prisma } from "@prisma/client";
import { stringify } from "csv-stringify/sync";
import { getPrisma } from "@/lib/db";
import { zonedTimestamp } from "@/lib/admin/date-range";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";
import { formatYuan } from "@/lib/admin/yuan";
import { sandboxConfigIds } from "@/lib/payment-configs/is-sandbox";
import { transactionWhere, type TransactionFilters } from "@/lib/admin/transactions/filters";
import {
  configNames,
  toTransactionRow,
  transactionColumns,
  type TransactionRecord,
  type TransactionRow,
} from "@/lib/admin/transactions/list-transactions";

export const exportBatchSize = 1_000;

const header = [
  "order_no",
  "created_at",
  "user_email",
  "package",
  "package_en",
  "provider",
  "config",
  "sandbox",
  "channel",
  "status",
  "amount_yuan",
  "paid_yuan",
  "refunded_yuan",
  "credits",
  "paid_at",
  "provider_trade_no",
  "late",
  "anomaly",
];

// A cell starting with one of these runs as a formula when the file is opened in a spreadsheet.
function inert(text: string | null): string {
  if (!text) return "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvRecord(row: TransactionRow, sandboxIds: Set<string>, timeZone: string): string[] {
  return [
    row.orderNo,
    zonedTimestamp(new Date(row.createdAt), timeZone),
    inert(row.userEmail),
    inert(row.packageName),
    inert(row.packageNameEn),
    row.provider,
    inert(row.configName),
    sandboxIds.has(row.configId) ? "yes" : "no",
    row.channel,
    row.status,
    formatYuan(row.priceFen),
    row.paidAmountFen === null ? "" : formatYuan(row.paidAmountFen),
    formatYuan(row.refundedFen),
    String(row.credits),
    row.paidAt ? zonedTimestamp(new Date(row.paidAt), timeZone) : "",
    inert(row.providerTradeNo),
    row.late ? "yes" : "no",
    inert(row.anomaly),
  ];
}

/**
 * The matching orders, newest first, `batchSize` rows per query. Keyset pagination on
 * (createdAt, id): each query starts after the last row of the previous one, so the cost per
 * batch stays flat however deep the export goes, and rows are never all held at once.
 */
export async function* orderBatches(
  where: Prisma.RechargeOrderWhereInput,
  batchSize = exportBatchSize,
): AsyncGenerator<TransactionRecord[]> {
  const prisma = await getPrisma();
  let last: { createdAt: Date; orderNo: string } | null = null;
  for (;;) {
    const after: Prisma.RechargeOrderWhereInput = last
      ? {
          OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, orderNo: { lt: last.orderNo } }],
        }
      : {};
    const batch = await prisma.rechargeOrder.findMany({
      where: { AND: [where, after] },
      select: transactionColumns,
      orderBy: [{ createdAt: "desc" }, { orderNo: "desc" }],
      take: batchSize,
    });
    if (batch.length) yield batch;
    const tail = batch.at(-1);
    if (!tail || batch.length < batchSize) return;
    last = { createdAt: tail.createdAt, orderNo: tail.orderNo };
  }
}

async function* csvChunks(filters: TransactionFilters, batchSize: number): AsyncGenerator<string> {
  const [names, sandboxIds, timeZone] = await Promise.all([configNames(), sandboxConfigIds(), getDisplayTimeZone()]);
  const sandbox = new Set(sandboxIds);
  yield `\uFEFF${stringify([header])}`;
  for await (const batch of orderBatches(transactionWhere(filters, timeZone), batchSize)) {
    yield stringify(batch.map((record) => csvRecord(toTransactionRow(record, names), sandbox, timeZone)));
  }
}

/**
 * The CSV of every order matching the filters, produced as the client reads it: a batch is
 * fetched only when the previous one has been taken (pull-based), so a slow download holds
 * one batch in memory, not the whole result. UTF-8 with a BOM so spreadsheets read Chinese.
 * Amounts are yuan with two decimals, formatted from integer fen by string arithmetic. Orders
 * paid through a sandbox config say so (`sandbox=yes`): simulated money, never revenue.
 */
export function transactionsCsv(filters: TransactionFilters, batchSize = exportBatchSize): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = csvChunks(filters, batchSize);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** `transactions-20250131-093000.csv`, in the display time zone like the times inside. */
export function exportFileName(timeZone: string, now = new Date()): string {
  const stamp = zonedTimestamp(now, timeZone).slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `transactions-${stamp}.csv`;
}
