import { addDays, dayOf, startOfDay } from "@/lib/admin/date-range";
import { attention, type Attention } from "@/lib/admin/dashboard/attention";
import { orderStats, type OrderStats } from "@/lib/admin/dashboard/order-stats";
import { revenueSummary, type RevenueSummary } from "@/lib/admin/dashboard/revenue";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";

export const dashboardDays = 30;

export interface Dashboard {
  days: number;
  since: string;
  revenue: RevenueSummary;
  orders: OrderStats;
  attention: Attention;
}

/** Everything the console's front page shows, for the last 30 days of the display time zone (today included). */
export async function loadDashboard(now = new Date()): Promise<Dashboard> {
  const timeZone = await getDisplayTimeZone();
  const firstDay = addDays(dayOf(now, timeZone), -(dashboardDays - 1));
  const since = startOfDay(firstDay, timeZone);
  const [revenue, orders, flagged] = await Promise.all([
    revenueSummary({ firstDay, days: dashboardDays, timeZone }),
    orderStats(since, now),
    attention(since),
  ]);
  return { days: dashboardDays, since: since.toISOString(), revenue, orders, attention: flagged };
}
