import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { LedgerTable } from "@/components/ledger/ledger-table";
import { Pagination } from "@/components/orders/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { listOwnEntries } from "@/lib/ledger/list-own-entries";
import { ExpiryNotice } from "@/components/wallet/expiry-notice";
import { listEntryLots } from "@/lib/wallet/list-entry-lots";

const pageSize = 20;
const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ledger"))("title") };
}

export default async function LedgerPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("/ledger");
  const page = pageParam.parse((await searchParams).page ?? 1);
  const [t, tHome, format, ledger] = await Promise.all([
    getTranslations("ledger"),
    getTranslations("home"),
    getFormatter(),
    listOwnEntries({ userId: user.id, page, pageSize }),
  ]);
  const lastPage = Math.max(1, Math.ceil(ledger.total / pageSize));
  if (page > lastPage) redirect(`/ledger?page=${lastPage}`);
  const lots = await listEntryLots({ userId: user.id, seqs: ledger.entries.map((entry) => entry.seq) });

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-slate-600">
            {t("intro")} {ledger.total > 0 && t("count", { count: ledger.total })}
          </p>
        </div>
        <p className="rounded-xl bg-brand-50 px-4 py-2 text-brand-800">
          <span className="text-sm">{tHome("yourBalance")}</span>{" "}
          <span className="text-xl font-bold tabular-nums" data-testid="ledger-balance">
            {format.number(user.balance)}
          </span>
        </p>
      </div>
      <ExpiryNotice userId={user.id} />
      {ledger.entries.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">{t("empty")}</p>
      ) : (
        <LedgerTable entries={ledger.entries} lots={lots} />
      )}
      <Pagination path="/ledger" page={page} pageSize={pageSize} total={ledger.total} />
    </div>
  );
}
