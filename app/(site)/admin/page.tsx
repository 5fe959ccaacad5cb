import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProviderName } from "@/components/admin/badges";
import { AttentionList } from "@/components/admin/dashboard/attention-list";
import { RevenueChart } from "@/components/admin/dashboard/revenue-chart";
import { StatCard } from "@/components/admin/dashboard/stat-card";
import { ChannelBars, StatusBars } from "@/components/admin/dashboard/status-bars";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { loadDashboard } from "@/lib/admin/dashboard/dashboard";
import { requirePageAdmin } from "@/lib/auth/session";
import { latestRuns, listDifferences } from "@/lib/bills/list-reconciliation";
import { formatFen } from "@/lib/format/money";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.dashboard"))("title") };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((part * 1000) / whole) / 10}%`;
}

export default async function AdminDashboardPage() {
  await requirePageAdmin("/admin");
  const [t, tb, data, runs, differences] = await Promise.all([
    getTranslations("console.dashboard"),
    getTranslations("console.bills"),
    loadDashboard(),
    latestRuns(),
    listDifferences({ status: "OPEN", page: 1 }),
  ]);
  const revenue = data.revenue.byProvider.reduce((sum, row) => sum + row.fen, 0);
  const { paid, decided, cancelled } = data.orders.successRate;
  const { sandboxFen } = data.revenue;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro", { days: data.days })} />

      <section aria-label={t("keyFigures")} className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <StatCard
          label={t("revenue")}
          value={formatFen(revenue)}
          note={
            sandboxFen
              ? `${t("lastDays", { days: data.days })} · ${t("sandboxNotRevenue", { amount: formatFen(sandboxFen) })}`
              : t("lastDays", { days: data.days })
          }
        />
        <StatCard
          label={t("refunded")}
          value={formatFen(data.revenue.refundedFen)}
          note={t("lastDays", { days: data.days })}
        />
        <StatCard
          label={t("successRate")}
          value={percent(paid, decided)}
          note={`${t("successNote", { paid, decided })} · ${t("cancelledApart", { cancelled })}`}
        />
        <StatCard label={t("pending")} value={data.orders.pending} href="/admin/transactions?status=PENDING" />
        <StatCard
          label={t("anomalies")}
          value={data.attention.anomalies.total}
          href="/admin/transactions?anomaly=1"
          tone={data.attention.anomalies.total ? "warning" : "normal"}
        />
        <StatCard
          label={t("late")}
          value={data.attention.late.total}
          href="/admin/transactions?late=1"
          tone={data.attention.late.total ? "warning" : "normal"}
          note={t("lastDays", { days: data.days })}
        />
      </section>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <Section id="revenue-title" title={t("revenueByDay")}>
            <RevenueChart days={data.revenue.days} />
            <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
              {data.revenue.byProvider.map((row) => (
                <div key={row.provider} className="rounded-lg bg-slate-50 p-3">
                  <dt className="text-slate-600">
                    <ProviderName provider={row.provider} />
                  </dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatFen(row.fen)}</dd>
                  <dd className="text-xs text-slate-500">{t("orderCount", { count: row.orders })}</dd>
                </div>
              ))}
            </dl>
          </Section>
        </div>
        <Section id="status-title" title={t("ordersByStatus")}>
          <StatusBars byStatus={data.orders.byStatus} />
          <h3 className="mt-5 mb-2 text-sm font-semibold text-slate-700">{t("ordersByChannel")}</h3>
          <ChannelBars byChannel={data.orders.byChannel} />
          <p className="mt-3 text-xs text-slate-500">{t("lastDays", { days: data.days })}</p>
        </Section>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section
          id="anomalies-title"
          title={t("anomalyOrders")}
          actions={
            <Link href="/admin/transactions?anomaly=1" className="text-sm text-brand-700 hover:underline">
              {t("seeAll")}
            </Link>
          }
        >
          <AttentionList orders={data.attention.anomalies.recent} empty={t("noAnomalies")} />
        </Section>
        <Section
          id="late-title"
          title={t("lateOrders")}
          actions={
            <Link href="/admin/transactions?late=1" className="text-sm text-brand-700 hover:underline">
              {t("seeAll")}
            </Link>
          }
        >
          <AttentionList orders={data.attention.late.recent} empty={t("noLate")} />
        </Section>
      </div>

      <Section
        id="reconciliation-title"
        title={t("reconciliation")}
        padded={false}
        actions={
          <Link href="/admin/reconciliation" className="text-sm text-brand-700 hover:underline">
            {t("seeReconciliation")}
          </Link>
        }
      >
        <div className="grid grid-cols-2 gap-3 p-4 md:grid-cols-4">
          <StatCard
            label={t("openDifferences")}
            value={differences.open}
            href="/admin/reconciliation"
            tone={differences.open ? "warning" : "normal"}
          />
        </div>
        <Table caption={t("lastRuns")}>
          <thead>
            <tr>
              <Th>{tb("config")}</Th>
              <Th>{tb("billDate")}</Th>
              <Th>{tb("status")}</Th>
              <Th>{tb("openDifferences")}</Th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <Td>{run.configName}</Td>
                <Td className="tabular-nums">{run.billDate}</Td>
                <Td>{tb(`runStatus.${run.status}`)}</Td>
                <Td className="tabular-nums">{run.differences}</Td>
              </tr>
            ))}
            {!runs.length && <EmptyRow colSpan={4}>{tb("noRuns")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>

      <Section
        id="callbacks-title"
        title={t("failedCallbacks", { count: data.attention.failedCallbacks.total })}
        padded={false}
      >
        <Table caption={t("failedCallbacksCaption")}>
          <thead>
            <tr>
              <Th>{t("time")}</Th>
              <Th>{t("provider")}</Th>
              <Th>{t("order")}</Th>
              <Th>{t("verification")}</Th>
              <Th>{t("outcome")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.attention.failedCallbacks.recent.map((callback) => (
              <tr key={callback.id}>
                <Td>
                  <Time iso={callback.createdAt} withSeconds />
                </Td>
                <Td>
                  <ProviderName provider={callback.provider} />
                </Td>
                <Td className="font-mono text-xs">
                  {callback.orderNo ? (
                    <Link href={`/admin/transactions/${callback.orderNo}`} className="text-brand-700 hover:underline">
                      {callback.orderNo}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td>{callback.verified ? t("verified") : t("rejected", { reason: callback.rejection ?? "?" })}</Td>
                <Td className="font-mono text-xs">{callback.outcome}</Td>
              </tr>
            ))}
            {!data.attention.failedCallbacks.recent.length && <EmptyRow colSpan={5}>{t("noFailedCallbacks")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
    </div>
  );
}
