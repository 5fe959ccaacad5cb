import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/admin/alert";
import { Badge } from "@/components/admin/badges";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Section } from "@/components/admin/section";
import { Time } from "@/components/admin/time";
import { TransactionsTable } from "@/components/admin/transactions/transactions-table";
import { AdjustForm } from "@/components/admin/users/adjust-form";
import { LedgerTable } from "@/components/admin/users/ledger-table";
import { GrantForm } from "@/components/admin/wallet/grant-form";
import { LotsTable } from "@/components/admin/wallet/lots-table";
import { searchParamsObject } from "@/lib/admin/search-params";
import { getUserDetail, userDetailQuerySchema, type UserDetail } from "@/lib/admin/users/get-user-detail";
import { requirePageAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listLots } from "@/lib/wallet/list-lots";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.users"))("userTitle") };
}

// Read with the lots, outside render: a lot's state ("not yet effective") depends on it.
async function loadLots(userId: string) {
  return { lots: await listLots({ userId }), readAt: Date.now() };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(id: string, params: Record<string, string>): Promise<UserDetail> {
  const query = userDetailQuerySchema.safeParse(params);
  try {
    return await getUserDetail(id, query.success ? query.data : userDetailQuerySchema.parse({}));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  await requirePageAdmin(`/admin/users/${encodeURIComponent(id)}`);
  const query = searchParamsObject(await searchParams);
  const [t, tWallet, detail, { lots, readAt }] = await Promise.all([
    getTranslations("console.users"),
    getTranslations("console.wallet"),
    load(id, query),
    loadLots(id),
  ]);
  const { user } = detail;
  const basePath = `/admin/users/${user.id}`;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader
        title={user.email}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {user.name && <span>{user.name}</span>}
            {user.role === "ADMIN" && <Badge tone="violet">{t("admin")}</Badge>}
            <span>
              {t("joinedAt")} <Time iso={user.createdAt} />
            </span>
          </span>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Section id="balance-title" title={t("balance")}>
          <p className="text-3xl font-semibold tabular-nums" data-testid="user-balance">
            {user.balance}
          </p>
          {user.allowNegativeBalance && <p className="mt-1 text-xs text-amber-700">{t("mayGoNegative")}</p>}
        </Section>
        <div className="lg:col-span-2">
          <Section id="adjust-title" title={t("adjustTitle")}>
            <Alert tone="info">{t("adjustIntro")}</Alert>
            <div className="mt-3">
              <AdjustForm userId={user.id} />
            </div>
          </Section>
        </div>
      </div>
      <Section id="grant-title" title={tWallet("grantTitle")}>
        <Alert tone="info">{tWallet("grantIntro")}</Alert>
        <div className="mt-3">
          <GrantForm userId={user.id} />
        </div>
      </Section>
      <Section id="lots-title" title={tWallet("lotsTitle", { count: lots.length })} padded={false}>
        <LotsTable userId={user.id} lots={lots} now={readAt} />
      </Section>
      <Section id="orders-title" title={t("orders", { count: detail.orders.total })} padded={false}>
        <TransactionsTable orders={detail.orders.items} />
        <Pagination basePath={basePath} params={query} of={detail.orders} pageParam="ordersPage" />
      </Section>
      <Section id="ledger-title" title={t("ledgerCount", { count: detail.ledger.total })} padded={false}>
        <LedgerTable entries={detail.ledger.entries} />
        <Pagination basePath={basePath} params={query} of={detail.ledger} pageParam="ledgerPage" />
      </Section>
    </div>
  );
}
