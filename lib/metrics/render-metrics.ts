import { Prisma } from "@prisma/client";
import { getDatabase } from "@/lib/db";
import { metrics } from "./registry";

type Count = string | number | bigint;

interface OrderCounts {
  provider: string;
  channel: string;
  // node-postgres gives count(*) as text, PGlite as a number.
  created: Count;
  paid: Count;
  expired: Count;
  closed: Count;
}

function line(name: string, labels: Record<string, string>, value: number): string {
  const text = Object.entries(labels)
    .map(([key, label]) => `${key}="${label.replace(/["\\\n]/g, "\\$&")}"`)
    .join(",");
  return `${name}${text ? `{${text}}` : ""} ${value}`;
}

/** Cluster-wide figures from the shared database, read once per scrape. */
async function databaseMetrics(now: Date): Promise<string> {
  const db = await getDatabase();
  const [orders, oldest, open] = await Promise.all([
    db.query<OrderCounts>(Prisma.sql`
      SELECT provider::text, channel::text, count(*) AS created,
             count("paidAt") AS paid,
             count(*) FILTER (WHERE "closeReason" = 'EXPIRED') AS expired,
             count("closedAt") AS closed
      FROM "RechargeOrder" GROUP BY provider, channel`),
    db.query<{ oldest: Date | null }>(
      Prisma.sql`SELECT min("createdAt") AS oldest FROM "RechargeOrder" WHERE status = 'PENDING'`,
    ),
    db.query<{ count: Count }>(
      Prisma.sql`SELECT count(*) AS count FROM "ReconciliationDifference" WHERE status = 'OPEN'`,
    ),
  ]);
  const out: string[] = [];
  const counter = (name: string, help: string, pick: (row: OrderCounts) => Count) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
    for (const row of orders) out.push(line(name, { provider: row.provider, channel: row.channel }, Number(pick(row))));
  };
  counter("recharge_orders_created_total", "Orders created, all instances.", (row) => row.created);
  counter("recharge_orders_paid_total", "Orders paid (credited), all instances.", (row) => row.paid);
  counter("recharge_orders_expired_total", "Orders closed because they expired unpaid.", (row) => row.expired);
  counter(
    "recharge_orders_closed_total",
    "Orders closed for any reason (expired, cancelled, admin).",
    (row) => row.closed,
  );
  const oldestAt = oldest[0]?.oldest;
  out.push(
    "# HELP recharge_oldest_unsettled_order_seconds Age of the oldest order still pending, 0 when none.",
    "# TYPE recharge_oldest_unsettled_order_seconds gauge",
    line(
      "recharge_oldest_unsettled_order_seconds",
      {},
      oldestAt ? Math.max(0, (now.getTime() - new Date(oldestAt).getTime()) / 1000) : 0,
    ),
    "# HELP recharge_reconciliation_open_differences Differences with the providers' bills that no admin has resolved.",
    "# TYPE recharge_reconciliation_open_differences gauge",
    line("recharge_reconciliation_open_differences", {}, Number(open[0]?.count ?? 0)),
  );
  return `${out.join("\n")}\n`;
}

/** The Prometheus text exposition: this instance's counters, then the database's figures. */
export async function renderMetrics(now = new Date()): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  const [local, shared] = await Promise.all([registry.metrics(), databaseMetrics(now)]);
  return { contentType: registry.contentType, body: `${local}\n${shared}` };
}
