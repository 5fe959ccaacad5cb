import { zonedTimestamp } from "@/lib/admin/date-range";
import { stringify } from "csv-stringify/sync";
import { formatYuan } from "@/lib/admin/yuan";
import { getPrisma } from "@/lib/db";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";
import { differenceWhere, type ReconciliationQuery } from "./list-reconciliation";

const header = [
  "bill_date",
  "provider",
  "config_id",
  "kind",
  "status",
  "order_no",
  "refund_no",
  "provider_trade_no",
  "bill_yuan",
  "our_yuan",
  "detail",
  "resolution",
  "resolved_at",
];

// A cell starting with one of these runs as a formula when the file is opened in a spreadsheet.
function inert(text: string | null): string {
  if (!text) return "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const BATCH = 1_000;

/** The differences the filters select, as CSV streamed in batches. */
export function differencesCsv(query: Pick<ReconciliationQuery, "status" | "billDate">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let timeZone: string;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        timeZone = await getDisplayTimeZone();
        // A BOM so spreadsheet programs read the Chinese text as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([header])}`));
      }
      const prisma = await getPrisma();
      const rows = await prisma.reconciliationDifference.findMany({
        where: differenceWhere(query),
        orderBy: { id: "asc" },
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (!rows.length) {
        controller.close();
        return;
      }
      cursor = rows.at(-1)!.id;
      const records = rows.map((row) => [
        row.billDate,
        row.provider,
        row.configId,
        row.kind,
        row.status,
        inert(row.orderNo),
        inert(row.refundNo),
        inert(row.providerTradeNo),
        row.billFen === null ? "" : formatYuan(row.billFen),
        row.ourFen === null ? "" : formatYuan(row.ourFen),
        inert(row.detail),
        inert(row.resolution),
        row.resolvedAt ? zonedTimestamp(row.resolvedAt, timeZone) : "",
      ]);
      controller.enqueue(encoder.encode(stringify(records)));
      if (rows.length < BATCH) controller.close();
    },
  });
}
