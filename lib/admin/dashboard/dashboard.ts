import { chinaDay, startOfChinaDay } from "@/lib/admin/date-range";
import { attention, type Attention } from "@/lib/admin/dashboard/attention";
import { orderStats, type OrderStats } from "@/lib/admin/dashboard/order-stats";
import { revenueSummary, type RevenueSummary } from "@/lib/admin/dashboard/revenue";

export const dashboardDays = 30;

export interface Dashboard {
  days: number;
  since: string;
  revenue: RevenueSummary;
  orders: OrderStats;
  attention: Attention;
}

/** Everything the console's front page shows, for the last 30 China-time days. */
export async function loadDashboard(now = new Date()): Promise<Dashboard> {
  const since = startOfChinaDay(chinaDay(new Date(now.getTime() - (dashboardDays - 1) * 86_400_000)));
  const [revenue, orders, flagged] = await Promise.all([
    revenueSummary(since, dashboardDays),
    orderStats(since, now),
    attention(since),
  ]);
  return { days: dashboardDays, since: since.toISOString(), revenue, orders, attention: flagged };
}
