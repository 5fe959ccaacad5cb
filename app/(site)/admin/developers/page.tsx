import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin/badges";
import { ApiKeyForm } from "@/components/admin/developers/api-key-form";
import { EndpointForm } from "@/components/admin/developers/endpoint-form";
import { EndpointToggle } from "@/components/admin/developers/endpoint-toggle";
import { RevokeKeyButton } from "@/components/admin/developers/revoke-key-button";
import { ThresholdForm } from "@/components/admin/developers/threshold-form";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requirePageAdmin } from "@/lib/auth/session";
import { getLowBalanceThreshold } from "@/lib/service-api/get-low-balance-threshold";
import { listEndpoints } from "@/lib/webhooks/list-endpoints";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.developers"))("title") };
}

export default async function DevelopersPage() {
  await requirePageAdmin("/admin/developers");
  const [t, keys, endpoints, threshold] = await Promise.all([
    getTranslations("console.developers"),
    listApiKeys(),
    listEndpoints(),
    getLowBalanceThreshold(),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Link href="/api/v1/reference" prefetch={false} className="text-sm font-medium text-brand-700 underline">
            {t("reference")}
          </Link>
        }
      />
      <Section id="keys-title" title={t("keysTitle", { count: keys.length })} padded={false}>
        <Table caption={t("keysTitle", { count: keys.length })}>
          <thead>
            <tr>
              <Th>{t("keyName")}</Th>
              <Th>{t("keyPrefix")}</Th>
              <Th>{t("scopes")}</Th>
              <Th>{t("lastUsed")}</Th>
              <Th>{t("created")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <Td className="font-medium">{key.name}</Td>
                <Td className="font-mono text-xs">{key.prefix}…</Td>
                <Td className="text-xs">{key.scopes.join(", ")}</Td>
                <Td className="text-xs">{key.lastUsedAt ? <Time iso={key.lastUsedAt} /> : t("never")}</Td>
                <Td className="text-xs">
                  <Time iso={key.createdAt} />
                </Td>
                <Td>
                  {key.revokedAt ? (
                    <Badge tone="slate">{t("revoked")}</Badge>
                  ) : (
                    <RevokeKeyButton id={key.id} name={key.name} />
                  )}
                </Td>
              </tr>
            ))}
            {!keys.length && <EmptyRow colSpan={6}>{t("noKeys")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
      <Section id="new-key-title" title={t("newKey")}>
        <ApiKeyForm />
      </Section>
      <Section id="endpoints-title" title={t("endpointsTitle", { count: endpoints.length })} padded={false}>
        <Table caption={t("endpointsTitle", { count: endpoints.length })}>
          <thead>
            <tr>
              <Th>{t("endpointUrl")}</Th>
              <Th>{t("eventTypes")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id} data-testid="endpoint-row">
                <Td className="max-w-xs break-all font-mono text-xs">{endpoint.url}</Td>
                <Td className="text-xs">
                  {endpoint.eventTypes.length ? endpoint.eventTypes.join(", ") : t("allTypes")}
                </Td>
                <Td>
                  {endpoint.enabled ? (
                    <Badge tone="green">{t("enabled")}</Badge>
                  ) : (
                    <Badge tone={endpoint.disabledReason ? "red" : "slate"}>
                      {endpoint.disabledReason ? t(`disabledBecause.${endpoint.disabledReason}`) : t("disabled")}
                    </Badge>
                  )}
                </Td>
                <Td>
                  <div className="flex flex-wrap items-start gap-2">
                    <Link href={`/admin/webhooks/${endpoint.id}`} className={`text-sm text-brand-700 underline`}>
                      {t("deliveries")}
                    </Link>
                    <EndpointToggle endpoint={endpoint} />
                  </div>
                </Td>
              </tr>
            ))}
            {!endpoints.length && <EmptyRow colSpan={4}>{t("noEndpoints")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
      <Section id="new-endpoint-title" title={t("newEndpoint")}>
        <EndpointForm />
      </Section>
      <Section id="threshold-title" title={t("thresholdTitle")}>
        <ThresholdForm initial={threshold} />
      </Section>
    </div>
  );
}
