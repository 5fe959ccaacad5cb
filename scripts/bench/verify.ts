/** After the load: the ledger's invariants, and every notified order credited exactly once (when notifies ran). */
import type { PrismaClient, Provider } from "@prisma/client";
import { checkLedgerInvariants, type InvariantViolation } from "@/lib/ledger/check-invariants";

export interface OrderCheck {
  notified: number;
  /** Orders that are PAID with one recharge entry, one "paid" event and one crediting callback. */
  paidOnce: number;
  /** The first few that are not, with what is wrong. */
  problems: string[];
}

export interface Checks {
  violations: InvariantViolation[];
  /** Absent when no order scenario ran (BENCH_ONLY=wallet). */
  orders?: OrderCheck;
}

interface Row {
  orderNo: string;
  status: string;
  entries: bigint;
  paidEvents: bigint;
  credited: bigint;
}

async function checkNotifiedOrders(prisma: PrismaClient, notified: ReadonlyMap<string, Provider>): Promise<OrderCheck> {
  const orderNos = [...notified.keys()];
  const problems: string[] = [];
  let paidOnce = 0;
  let seen = 0;
  for (let start = 0; start < orderNos.length; start += 5_000) {
    const chunk = orderNos.slice(start, start + 5_000);
    const rows = await prisma.$queryRaw<Row[]>`
      SELECT o."orderNo", o.status::text AS status,
        (SELECT COUNT(*) FROM "LedgerEntry" e WHERE e."idempotencyKey" = 'recharge:' || o."orderNo" AND e.delta = o.credits) AS entries,
        (SELECT COUNT(*) FROM "OrderEvent" v WHERE v."orderId" = o.id AND v.type IN ('paid', 'paid_late')) AS "paidEvents",
        (SELECT COUNT(*) FROM "PaymentCallback" c WHERE c."orderNo" = o."orderNo" AND c.outcome = 'CREDITED') AS credited
      FROM "RechargeOrder" o WHERE o."orderNo" = ANY(${chunk})`;
    seen += rows.length;
    for (const row of rows) {
      if (row.status === "PAID" && row.entries === 1n && row.paidEvents === 1n && row.credited === 1n) paidOnce += 1;
      else if (problems.length < 10) {
        problems.push(
          `${row.orderNo}: ${row.status}, ${row.entries} entries, ${row.paidEvents} paid events, ${row.credited} crediting callbacks`,
        );
      }
    }
  }
  if (seen !== orderNos.length)
    problems.push(`${orderNos.length - seen} notified orders are missing from the database`);
  return { notified: orderNos.length, paidOnce, problems };
}

export async function runChecks(prisma: PrismaClient, notified: ReadonlyMap<string, Provider> | null): Promise<Checks> {
  // A run stopped at its time limit may leave notifies the server is still settling.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const violations = await checkLedgerInvariants(prisma);
  return notified ? { violations, orders: await checkNotifiedOrders(prisma, notified) } : { violations };
}
