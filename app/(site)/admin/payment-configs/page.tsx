import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/admin/alert";
import { Badge, ProviderName, SandboxTag } from "@/components/admin/badges";
import { buttonClass } from "@/components/admin/form-controls";
import { PageHeader } from "@/components/admin/page-header";
import { ConfigActions } from "@/components/admin/payment-configs/config-actions";
import { Fingerprints } from "@/components/admin/payment-configs/fingerprints";
import { SandboxCreate } from "@/components/admin/payment-configs/sandbox-create";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { requirePageAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listPaymentConfigs, successorsOf } from "@/lib/payment-configs/config-view";
import { currentOffering } from "@/lib/payment-configs/offered-configs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.configs"))("title") };
}

export default async function PaymentConfigsPage() {
  await requirePageAdmin("/admin/payment-configs");
  const [t, configs, offering] = await Promise.all([
    getTranslations("console.configs"),
    listPaymentConfigs(),
    currentOffering(),
  ]);
  const sandboxHidden = offering.live && configs.some((config) => config.sandbox && config.enabled);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            <Link href="/admin/payment-configs/new?provider=WECHAT" className={buttonClass("primary")}>
              {t("newWechat")}
            </Link>
            <Link href="/admin/payment-configs/new?provider=ALIPAY" className={buttonClass("primary")}>
              {t("newAlipay")}
            </Link>
          </>
        }
      />
      {sandboxHidden && <Alert tone="warning">{t("sandboxHiddenWhileLive")}</Alert>}
      {!offering.live && configs.some((config) => config.enabled) && <Alert tone="info">{t("demoMode")}</Alert>}
      <Section id="configs-title" title={t("listTitle", { count: configs.length })} padded={false}>
        <Table caption={t("listTitle", { count: configs.length })}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("ids")}</Th>
              <Th>{t("state")}</Th>
              <Th>{t("fingerprints")}</Th>
              <Th>{t("dates")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {configs.map((config) => (
              <tr key={config.id} data-testid="config-row">
                <Td>
                  <div className="flex flex-col gap-1">
                    <Link
                      href={`/admin/payment-configs/${config.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {config.name}
                    </Link>
                    <span className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
                      <ProviderName provider={config.provider} />
                      {config.sandbox && <SandboxTag />}
                    </span>
                  </div>
                </Td>
                <Td className="min-w-72 text-xs">
                  <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
                    <dt className="text-slate-500">{t("appId")}</dt>
                    <dd className="font-mono">{config.appId}</dd>
                    <dt className="text-slate-500">{config.provider === "WECHAT" ? t("mchId") : t("sellerId")}</dt>
                    <dd className="font-mono">{config.merchantId}</dd>
                    {config.merchantSerialNo && (
                      <>
                        <dt className="text-slate-500">{t("serialNo")}</dt>
                        <dd className="font-mono break-all">{config.merchantSerialNo}</dd>
                      </>
                    )}
                    {config.providerKeyId && (
                      <>
                        <dt className="text-slate-500">{t("publicKeyId")}</dt>
                        <dd className="font-mono break-all">{config.providerKeyId}</dd>
                      </>
                    )}
                  </dl>
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {config.enabled ? (
                      <Badge tone="green">{t("enabled")}</Badge>
                    ) : (
                      <Badge tone="slate">{t("disabled")}</Badge>
                    )}
                    {config.isDefault && (
                      <Badge tone="blue" testId="default-tag">
                        {t("default")}
                      </Badge>
                    )}
                  </span>
                </Td>
                <Td>
                  <Fingerprints fingerprints={config.fingerprints} />
                </Td>
                <Td className="text-xs">
                  <p>
                    {t("created")} <Time iso={config.createdAt} />
                  </p>
                  <p className="text-slate-500">
                    {t("updated")} <Time iso={config.updatedAt} />
                  </p>
                </Td>
                <Td className="min-w-56">
                  <ConfigActions config={config} successors={successorsOf(config, configs)} />
                </Td>
              </tr>
            ))}
            {!configs.length && <EmptyRow colSpan={6}>{t("empty")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
      {env().SANDBOX_ENABLED && (
        <Section id="sandbox-title" title={t("sandboxTitle")}>
          <SandboxCreate />
        </Section>
      )}
    </div>
  );
}
