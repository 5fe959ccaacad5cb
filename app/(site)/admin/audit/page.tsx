import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/admin/alert";
import { AuditChange } from "@/components/admin/audit/audit-change";
import { AuditTarget } from "@/components/admin/audit/audit-target";
import { buttonClass } from "@/components/admin/form-controls";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { auditQuerySchema, listAuditLog } from "@/lib/admin/audit/list-audit-log";
import { searchParamsObject } from "@/lib/admin/search-params";
import { auditActionKey, isAuditAction } from "@/lib/audit/audit-actions";
import { requirePageAdmin } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.audit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const input = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAdmin("/admin/audit");
  const params = searchParamsObject(await searchParams);
  const t = await getTranslations("console.audit");
  const query = auditQuerySchema.safeParse(params);
  const result = query.success ? await listAuditLog(query.data) : null;
  // A code no longer written (an older release's) still shows, as its code.
  const actionName = (action: string) => (isAuditAction(action) ? t(`actions.${auditActionKey(action)}`) : action);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Section id="audit-filters" title={t("filters")}>
        <form method="get" action="/admin/audit" role="search" className="flex flex-col gap-3">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
            <div className="flex flex-col gap-1">
              <label htmlFor="a-action" className="text-xs font-medium text-slate-700">
                {t("action")}
              </label>
              <select id="a-action" name="action" defaultValue={params.action ?? ""} className={input}>
                <option value="">{t("any")}</option>
                {(result?.actions ?? []).map((action) => (
                  <option key={action} value={action}>
                    {actionName(action)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="a-actor" className="text-xs font-medium text-slate-700">
                {t("actor")}
              </label>
              <input
                id="a-actor"
                name="actor"
                defaultValue={params.actor}
                placeholder={t("actorPlaceholder")}
                className={input}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="a-target" className="text-xs font-medium text-slate-700">
                {t("target")}
              </label>
              <input id="a-target" name="target" defaultValue={params.target} className={input} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="a-from" className="text-xs font-medium text-slate-700">
                {t("from")}
              </label>
              <input id="a-from" name="from" type="date" defaultValue={params.from} className={input} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="a-to" className="text-xs font-medium text-slate-700">
                {t("to")}
              </label>
              <input id="a-to" name="to" type="date" defaultValue={params.to} className={input} />
            </div>
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("primary")}>
              {t("apply")}
            </button>
            <Link href="/admin/audit" className={buttonClass("secondary")}>
              {t("reset")}
            </Link>
          </div>
        </form>
      </Section>
      {!query.success && <Alert tone="error">{t("invalidFilters")}</Alert>}
      {result && (
        <Section id="audit-results" title={t("results", { count: result.total })} padded={false}>
          <Table caption={t("results", { count: result.total })}>
            <thead>
              <tr>
                <Th>{t("time")}</Th>
                <Th>{t("actor")}</Th>
                <Th>{t("action")}</Th>
                <Th>{t("target")}</Th>
                <Th>{t("change")}</Th>
              </tr>
            </thead>
            <tbody>
              {result.entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <Td>
                    <Time iso={entry.createdAt} withSeconds />
                  </Td>
                  <Td className="text-xs">
                    <div className="flex flex-col gap-0.5" data-testid="audit-actor">
                      {entry.actorName && <span className="font-medium text-slate-900">{entry.actorName}</span>}
                      <span className="break-all">{entry.actorEmail ?? t("system")}</span>
                      {entry.actorId && (
                        <span className="text-slate-600">
                          {t.rich("actorAddress", {
                            address: entry.actorAddress ?? t("unknownAddress"),
                            mono: (chunks) => <span className="font-mono">{chunks}</span>,
                          })}
                        </span>
                      )}
                      {entry.actorUserAgent && (
                        <span className="max-w-56 truncate text-slate-500" title={entry.actorUserAgent}>
                          {t("actorUserAgent", { userAgent: entry.actorUserAgent })}
                        </span>
                      )}
                    </div>
                  </Td>
                  <Td className="text-xs">
                    <div className="flex flex-col gap-0.5">
                      <span className="font-medium text-slate-900" data-testid="audit-action">
                        {actionName(entry.action)}
                      </span>
                      <span className="font-mono text-slate-500">{entry.action}</span>
                    </div>
                  </Td>
                  <Td>
                    <AuditTarget action={entry.action} target={entry.target} />
                  </Td>
                  <Td className="min-w-72">
                    <AuditChange
                      before={entry.before}
                      after={entry.after}
                      labels={{ before: t("before"), after: t("after") }}
                    />
                  </Td>
                </tr>
              ))}
              {!result.entries.length && <EmptyRow colSpan={5}>{t("empty")}</EmptyRow>}
            </tbody>
          </Table>
          <Pagination basePath="/admin/audit" params={params} of={result} />
        </Section>
      )}
    </div>
  );
}
