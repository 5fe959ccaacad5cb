import { chinaDay } from "@/lib/admin/date-range";
import { getPrisma } from "@/lib/db";

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
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Money received per China-time day and provider over `days` days from `since` (the start of
 * a China day; gross, by paid time), plus refunds that succeeded in the same window. Days
 * without payments are zeros, so the chart's axis has no gaps.
 */
export async function revenueSummary(since: Date, days: number): Promise<RevenueSummary> {
  const prisma = await getPrisma();
  // paidAt is stored as UTC without a zone; +8h gives the China calendar day with no time zone data.
  const rows = await prisma.$queryRaw<{ day: string; provider: "WECHAT" | "ALIPAY"; fen: bigint; orders: bigint }[]>`
    SELECT to_char(("paidAt" + interval '8 hours')::date, 'YYYY-MM-DD') AS day,
           provider::text AS provider,
           SUM("paidAmountFen")::bigint AS fen,
           COUNT(*)::bigint AS orders
    FROM "RechargeOrder"
    WHERE "paidAt" >= ${since} AND "paidAmountFen" IS NOT NULL
    GROUP BY 1, 2`;
  const refunded = await prisma.refund.aggregate({
    _sum: { amountFen: true },
    where: { status: "SUCCESS", succeededAt: { gte: since } },
  });

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
    refundedFen: refunded._sum.amountFen ?? 0,
  };
}
