import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, ProviderName } from "@/components/admin/badges";
import { buttonClass } from "@/components/admin/form-controls";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { ResolveDifference } from "@/components/admin/reconciliation/resolve-difference";
import { RunDayForm } from "@/components/admin/reconciliation/run-day-form";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { searchParamsObject } from "@/lib/admin/search-params";
import { formatYuan } from "@/lib/admin/yuan";
import { requirePageAdmin } from "@/lib/auth/session";
import { beijingYesterday } from "@/lib/bills/beijing-day";
import {
  latestRuns,
  listDifferences,
  reconcilableConfigs,
  reconciliationQuerySchema,
} from "@/lib/bills/list-reconciliation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.bills"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const runTone = { DONE: "green", NOT_READY: "amber", FAILED: "red", RUNNING: "blue", PENDING: "slate" } as const;
const input = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

export default async function ReconciliationPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAdmin("/admin/reconciliation");
  const params = searchParamsObject(await searchParams);
  const query = reconciliationQuerySchema.safeParse(params);
  const filters = query.success ? query.data : reconciliationQuerySchema.parse({});
  const [t, runs, differences, configs] = await Promise.all([
    getTranslations("console.bills"),
    latestRuns(),
    listDifferences(filters),
    reconcilableConfigs(),
  ]);
  const kept: Record<string, string> = {
    status: filters.status,
    ...(filters.billDate ? { billDate: filters.billDate } : {}),
  };
  const exportHref = `/api/admin/reconciliation/export?${new URLSearchParams(kept).toString()}`;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />

      <Section id="run-title" title={t("runTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("runIntro")}</p>
        <RunDayForm configs={configs} defaultDate={beijingYesterday(new Date())} />
      </Section>

      <Section id="runs-title" title={t("runsTitle")} padded={false}>
        <Table caption={t("runsCaption")}>
          <thead>
            <tr>
              <Th>{t("config")}</Th>
              <Th>{t("billDate")}</Th>
              <Th>{t("status")}</Th>
              <Th className="text-right">{t("lines")}</Th>
              <Th className="text-right">{t("matched")}</Th>
              <Th className="text-right">{t("settled")}</Th>
              <Th className="text-right">{t("openDifferences")}</Th>
              <Th>{t("totals")}</Th>
              <Th>{t("finished")}</Th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <Td>
                  <span className="flex flex-col">
                    <span className="font-medium">{run.configName}</span>
                    <span className="text-xs text-slate-500">
                      <ProviderName provider={run.provider} />
                    </span>
                  </span>
                </Td>
                <Td className="tabular-nums">{run.billDate}</Td>
                <Td>
                  <Badge tone={runTone[run.status]}>{t(`runStatus.${run.status}`)}</Badge>
                  {run.detail && <p className="mt-1 max-w-xs text-xs text-slate-500">{run.detail}</p>}
                </Td>
                <Td className="text-right tabular-nums">{run.billLines}</Td>
                <Td className="text-right tabular-nums">{run.matched}</Td>
                <Td className="text-right tabular-nums">{run.settled}</Td>
                <Td className="text-right tabular-nums">{run.differences}</Td>
                <Td>{run.totalsMatch === null ? "—" : run.totalsMatch ? t("totalsMatch") : t("totalsDiffer")}</Td>
                <Td>
                  <Time iso={run.finishedAt} stacked />
                </Td>
              </tr>
            ))}
            {!runs.length && <EmptyRow colSpan={9}>{t("noRuns")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>

      <Section
        id="differences-title"
        title={t("differencesTitle", { open: differences.open })}
        padded={false}
        actions={
          <a href={exportHref} className={buttonClass("secondary", "sm")} download>
            {t("export")}
          </a>
        }
      >
        <form
          method="get"
          action="/admin/reconciliation"
          role="search"
          className="flex flex-wrap items-end gap-3 px-4 py-3"
        >
          <div className="flex flex-col gap-1">
            <label htmlFor="d-status" className="text-xs font-medium text-slate-700">
              {t("status")}
            </label>
            <select id="d-status" name="status" defaultValue={filters.status} className={input}>
              {(["OPEN", "RESOLVED", "ALL"] as const).map((status) => (
                <option key={status} value={status}>
                  {t(`differenceStatus.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="d-date" className="text-xs font-medium text-slate-700">
              {t("billDate")}
            </label>
            <input id="d-date" name="billDate" type="date" defaultValue={filters.billDate} className={input} />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("filter")}
          </button>
        </form>
        <Table caption={t("differencesCaption")}>
          <thead>
            <tr>
              <Th>{t("billDate")}</Th>
              <Th>{t("kind")}</Th>
              <Th>{t("order")}</Th>
              <Th className="text-right">{t("billAmount")}</Th>
              <Th className="text-right">{t("ourAmount")}</Th>
              <Th>{t("detail")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody>
            {differences.items.map((row) => (
              <tr key={row.id} data-testid="difference-row">
                <Td className="tabular-nums">
                  <span className="flex flex-col">
                    <span>{row.billDate}</span>
                    <span className="text-xs text-slate-500">{row.configName}</span>
                  </span>
                </Td>
                <Td>
                  <Badge tone={row.status === "OPEN" ? "amber" : "slate"}>
                    {t.has(`kinds.${row.kind}`) ? t(`kinds.${row.kind}`) : row.kind}
                  </Badge>
                </Td>
                <Td className="font-mono text-xs">
                  {row.orderNo ?? "—"}
                  {row.refundNo && <span className="block text-slate-500">{row.refundNo}</span>}
                </Td>
                <Td className="text-right tabular-nums">{row.billFen === null ? "—" : formatYuan(row.billFen)}</Td>
                <Td className="text-right tabular-nums">{row.ourFen === null ? "—" : formatYuan(row.ourFen)}</Td>
                <Td className="max-w-sm text-xs text-slate-600">{row.detail}</Td>
                <Td>
                  {row.status === "OPEN" ? (
                    <ResolveDifference id={row.id} />
                  ) : (
                    <span className="flex flex-col gap-1 text-xs">
                      <span className="font-medium text-slate-700">{t("resolved")}</span>
                      {row.resolution && <span className="text-slate-500">{row.resolution}</span>}
                    </span>
                  )}
                </Td>
              </tr>
            ))}
            {!differences.items.length && <EmptyRow colSpan={7}>{t("noDifferences")}</EmptyRow>}
          </tbody>
        </Table>
        <Pagination basePath="/admin/reconciliation" params={kept} of={differences} />
      </Section>
    </div>
  );
}
