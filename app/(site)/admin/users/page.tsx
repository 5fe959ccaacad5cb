import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin/badges";
import { buttonClass } from "@/components/admin/form-controls";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { listUsers } from "@/lib/admin/list-users";
import { searchParamsObject } from "@/lib/admin/search-params";
import { requirePageAdmin } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.users"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAdmin("/admin/users");
  const params = searchParamsObject(await searchParams);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const q = params.q?.trim().slice(0, 254);
  const [t, result] = await Promise.all([getTranslations("console.users"), listUsers({ q, page, pageSize: 25 })]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <form method="get" action="/admin/users" role="search" className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="user-q" className="text-xs font-medium text-slate-700">
            {t("searchLabel")}
          </label>
          <input
            id="user-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="user@example.com"
            className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("search")}
        </button>
      </form>
      <Section id="users-title" title={t("results", { count: result.total })} padded={false}>
        <Table caption={t("results", { count: result.total })}>
          <thead>
            <tr>
              <Th>{t("email")}</Th>
              <Th>{t("name")}</Th>
              <Th>{t("role")}</Th>
              <Th className="text-right">{t("balance")}</Th>
              <Th>{t("joined")}</Th>
            </tr>
          </thead>
          <tbody>
            {result.users.map((user) => (
              <tr key={user.id} data-testid="user-row">
                <Td>
                  <Link href={`/admin/users/${user.id}`} className="text-brand-700 hover:underline">
                    {user.email}
                  </Link>
                </Td>
                <Td>{user.name ?? "—"}</Td>
                <Td>{user.role === "ADMIN" ? <Badge tone="violet">{t("admin")}</Badge> : t("user")}</Td>
                <Td className="text-right tabular-nums">{user.balance}</Td>
                <Td>
                  <Time iso={user.createdAt.toISOString()} />
                </Td>
              </tr>
            ))}
            {!result.users.length && <EmptyRow colSpan={5}>{t("empty")}</EmptyRow>}
          </tbody>
        </Table>
        <Pagination basePath="/admin/users" params={params} of={result} />
      </Section>
    </div>
  );
}
