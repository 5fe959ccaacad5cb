import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/admin/alert";
import { buttonClass } from "@/components/admin/form-controls";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { searchParamsObject } from "@/lib/admin/search-params";
import { requirePageAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listOutbox, outboxQuerySchema } from "@/lib/mail/list-outbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.outbox"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OutboxPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAdmin("/admin/outbox");
  const params = searchParamsObject(await searchParams);
  const t = await getTranslations("console.outbox");
  const query = outboxQuerySchema.safeParse(params);
  const mails = query.success ? await listOutbox(query.data) : [];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      {env().SMTP_URL && <Alert tone="info">{t("smtpConfigured")}</Alert>}
      <form method="get" action="/admin/outbox" role="search" className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="o-to" className="text-xs font-medium text-slate-700">
            {t("to")}
          </label>
          <input
            id="o-to"
            name="to"
            type="search"
            defaultValue={params.to}
            className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm"
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
      </form>
      <Section id="outbox-mails" title={t("newest")} padded={false}>
        <Table caption={t("newest")}>
          <thead>
            <tr>
              <Th>{t("time")}</Th>
              <Th>{t("to")}</Th>
              <Th>{t("mail")}</Th>
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id} data-testid="outbox-mail">
                <Td>
                  <Time iso={mail.createdAt.toISOString()} withSeconds stacked />
                </Td>
                <Td className="text-xs">{mail.to}</Td>
                <Td className="min-w-72">
                  <p className="font-medium">{mail.subject}</p>
                  <pre className="mt-1 whitespace-pre-wrap break-all font-sans text-xs text-slate-700">{mail.text}</pre>
                </Td>
              </tr>
            ))}
            {!mails.length && <EmptyRow colSpan={3}>{t("empty")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
    </div>
  );
}
