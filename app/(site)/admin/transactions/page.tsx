import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/admin/alert";
import { buttonClass } from "@/components/admin/form-controls";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination, pageHref } from "@/components/admin/pagination";
import { Section } from "@/components/admin/section";
import { TransactionFiltersForm } from "@/components/admin/transactions/filters-form";
import { TransactionsTable } from "@/components/admin/transactions/transactions-table";
import { searchParamsObject } from "@/lib/admin/search-params";
import { listTransactions, transactionListSchema } from "@/lib/admin/transactions/list-transactions";
import { requirePageAdmin } from "@/lib/auth/session";
import { listPaymentConfigs } from "@/lib/payment-configs/config-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.transactions"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TransactionsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAdmin("/admin/transactions");
  const params = searchParamsObject(await searchParams);
  const [t, configs] = await Promise.all([
    getTranslations("console.transactions"),
    listPaymentConfigs({ includeDeleted: true }),
  ]);
  const query = transactionListSchema.safeParse(params);
  const result = query.success ? await listTransactions(query.data) : null;
  // The export takes the filters only: it is every matching order, not one page of them.
  const exportParams = Object.fromEntries(
    Object.entries(params).filter(([key]) => !["page", "pageSize", "sort", "dir"].includes(key)),
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a
            href={pageHref("/api/admin/transactions/export", exportParams, {})}
            download
            className={buttonClass("secondary")}
            data-testid="export-csv"
          >
            {t("exportCsv")}
          </a>
        }
      />
      <Section id="filters-title" title={t("filters")}>
        <TransactionFiltersForm
          values={params}
          configs={configs.map((config) => ({ id: config.id, name: config.name, deleted: config.deletedAt !== null }))}
        />
      </Section>
      {!query.success && <Alert tone="error">{t("invalidFilters")}</Alert>}
      {result && (
        <Section id="results-title" title={t("results", { count: result.total })} padded={false}>
          <TransactionsTable orders={result.orders} params={params} />
          <Pagination basePath="/admin/transactions" params={params} of={result} />
        </Section>
      )}
    </div>
  );
}
