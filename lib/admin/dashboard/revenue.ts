import { addDays, startOfDay } from "@/lib/admin/date-range";
import { Prisma } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { sandboxConfigIds } from "@/lib/payment-configs/is-sandbox";

export interface RevenueDay {
  /** Calendar day in the display time zone, "YYYY-MM-DD". */
  day: string;
  wechatFen: number;
  alipayFen: number;
}

export interface RevenueSummary {
  days: RevenueDay[];
  byProvider: { provider: "WECHAT" | "ALIPAY"; fen: number; orders: number }[];
  refundedFen: number;
  /** Paid through sandbox configs: simulated, so in none of the figures above. */
  sandboxFen: number;
}

export interface RevenueWindow {
  /** The window's first calendar day in `timeZone`. */
  firstDay: string;
  days: number;
  timeZone: string;
}

/**
 * Money received per calendar day of `timeZone` and provider over `days` days from `firstDay`
 * (gross, by paid time), plus refunds that succeeded in the same window. Days without payments
 * are zeros, so the chart's axis has no gaps. Sandbox payments are simulated money: they are
 * left out of revenue and refunds, and only reported beside them.
 */
export async function revenueSummary({ firstDay, days, timeZone }: RevenueWindow): Promise<RevenueSummary> {
  const prisma = await getPrisma();
  const since = startOfDay(firstDay, timeZone);
  const sandboxIds = await sandboxConfigIds();
  const isSandbox = sandboxIds.length ? Prisma.sql`o."configId" IN (${Prisma.join(sandboxIds)})` : Prisma.sql`false`;
  // paidAt is stored as UTC without a zone: read it as UTC, then as the display zone's wall time.
  const rows = await prisma.$queryRaw<{ day: string; provider: "WECHAT" | "ALIPAY"; fen: bigint; orders: bigint }[]>`
    SELECT to_char((o."paidAt" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day,
           o.provider::text AS provider,
           SUM(o."paidAmountFen")::bigint AS fen,
           COUNT(*)::bigint AS orders
    FROM "RechargeOrder" o
    WHERE o."paidAt" >= ${since} AND o."paidAmountFen" IS NOT NULL AND NOT (${isSandbox})
    GROUP BY 1, 2`;
  const [money] = await prisma.$queryRaw<{ refunded: bigint; sandbox: bigint }[]>`
    SELECT
      (SELECT COALESCE(SUM(r."amountFen"), 0) FROM "Refund" r JOIN "RechargeOrder" o ON o."orderNo" = r."orderNo"
       WHERE r.status = 'SUCCESS' AND r."succeededAt" >= ${since} AND NOT (${isSandbox}))::bigint AS refunded,
      (SELECT COALESCE(SUM(o."paidAmountFen"), 0) FROM "RechargeOrder" o
       WHERE o."paidAt" >= ${since} AND o."paidAmountFen" IS NOT NULL AND ${isSandbox})::bigint AS sandbox`;

  const byDay = new Map<string, RevenueDay>();
  for (let index = 0; index < days; index++) {
    const day = addDays(firstDay, index);
    byDay.set(day, { day, wechatFen: 0, alipayFen: 0 });
  }
  const totals = { WECHAT: { fen: 0, orders: 0 }, ALIPAY: { fen: 0, orders: 0 } };
  for (const row of rows) {
    const entry = byDay.get(row.day);
    const fen = Number(row.fen);
    if (entry && row.provider === "WECHAT") entry.wechatFen += fen;
    if (entry && row.provider === "ALIPAY") entry.alipayFen += fen;
    totals[row.provider].fen += fen;
    totals[row.provider].orders += Number(row.orders);
  }
  return {
    days: [...byDay.values()],
    byProvider: (["WECHAT", "ALIPAY"] as const).map((provider) => ({ provider, ...totals[provider] })),
    refundedFen: Number(money?.refunded ?? 0),
    sandboxFen: Number(money?.sandbox ?? 0),
  };
}
