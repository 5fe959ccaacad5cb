import { chinaDay } from "@/lib/admin/date-range";
import { Prisma } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { sandboxConfigIds } from "@/lib/payment-configs/is-sandbox";

export interface RevenueDay {
  /** China-time calendar day, "YYYY-MM-DD". */
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

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Money received per China-time day and provider over `days` days from `since` (the start of
 * a China day; gross, by paid time), plus refunds that succeeded in the same window. Days
 * without payments are zeros, so the chart's axis has no gaps. Sandbox payments are simulated
 * money: they are left out of revenue and refunds, and only reported beside them.
 */
export async function revenueSummary(since: Date, days: number): Promise<RevenueSummary> {
  const prisma = await getPrisma();
  const sandboxIds = await sandboxConfigIds();
  const isSandbox = sandboxIds.length ? Prisma.sql`o."configId" IN (${Prisma.join(sandboxIds)})` : Prisma.sql`false`;
  // paidAt is stored as UTC without a zone; +8h gives the China calendar day with no time zone data.
  const rows = await prisma.$queryRaw<{ day: string; provider: "WECHAT" | "ALIPAY"; fen: bigint; orders: bigint }[]>`
    SELECT to_char((o."paidAt" + interval '8 hours')::date, 'YYYY-MM-DD') AS day,
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
    const day = chinaDay(new Date(since.getTime() + index * dayMs));
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
