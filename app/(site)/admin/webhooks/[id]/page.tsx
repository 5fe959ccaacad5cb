import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin/badges";
import { ResendButton } from "@/components/admin/developers/resend-button";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { requirePageAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.developers"))("deliveryLog") };
}

const statusTone = { PENDING: "amber", SUCCEEDED: "green", FAILED: "red", CANCELLED: "slate" } as const;

export default async function WebhookDeliveriesPage({ params }: Props) {
  const { id } = await params;
  await requirePageAdmin(`/admin/webhooks/${id}`);
  const t = await getTranslations("console.developers");
  const found = await listDeliveries({ endpointId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!found) notFound();
  const { endpoint, deliveries } = found;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("deliveryLog")}
        description={<span className="break-all font-mono">{endpoint.url}</span>}
        actions={
          <Link href="/admin/developers" className="text-sm text-brand-700 underline">
            {t("back")}
          </Link>
        }
      />
      <Section id="deliveries-title" title={t("deliveriesTitle", { count: deliveries.length })} padded={false}>
        <Table caption={t("deliveriesTitle", { count: deliveries.length })}>
          <thead>
            <tr>
              <Th>{t("event")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("attempts")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id} data-testid="delivery-row" className="align-top">
                <Td>
                  <span className="font-medium">{delivery.eventType}</span>
                  <span className="block font-mono text-xs text-slate-500">{delivery.eventId}</span>
                  <span className="block text-xs text-slate-500">
                    <Time iso={delivery.createdAt} />
                  </span>
                </Td>
                <Td>
                  <Badge tone={statusTone[delivery.status as keyof typeof statusTone] ?? "slate"}>
                    {t(`deliveryStatus.${delivery.status}`)}
                  </Badge>
                  {delivery.nextAttemptAt && (
                    <span className="mt-1 block text-xs text-slate-600">
                      {t("nextAttempt")} <Time iso={delivery.nextAttemptAt} />
                    </span>
                  )}
                </Td>
                <Td>
                  <ol className="flex flex-col gap-1 text-xs">
                    {delivery.log.map((attempt) => (
                      <li key={attempt.attempt}>
                        <span className={attempt.ok ? "text-brand-800" : "text-red-700"}>
                          #{attempt.attempt} · {attempt.httpStatus ?? t("noAnswer")} · {attempt.latencyMs} ms
                        </span>{" "}
                        <Time iso={attempt.at} />
                        {(attempt.error ?? attempt.responseExcerpt) && (
                          <span className="block max-w-md truncate font-mono text-slate-500">
                            {attempt.error ?? attempt.responseExcerpt}
                          </span>
                        )}
                      </li>
                    ))}
                  </ol>
                </Td>
                <Td>{endpoint.enabled && <ResendButton deliveryId={delivery.id} />}</Td>
              </tr>
            ))}
            {!deliveries.length && <EmptyRow colSpan={4}>{t("noDeliveries")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
    </div>
  );
}
