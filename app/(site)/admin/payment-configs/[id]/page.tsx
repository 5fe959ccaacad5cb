import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/admin/alert";
import { Badge, ProviderName, SandboxTag } from "@/components/admin/badges";
import { PageHeader } from "@/components/admin/page-header";
import { ConfigActions } from "@/components/admin/payment-configs/config-actions";
import { ConfigForm } from "@/components/admin/payment-configs/config-form";
import { CopyField } from "@/components/admin/payment-configs/copy-field";
import { Fingerprints } from "@/components/admin/payment-configs/fingerprints";
import { Section } from "@/components/admin/section";
import { requirePageAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import {
  getPaymentConfigView,
  listPaymentConfigs,
  successorsOf,
  type PaymentConfigView,
} from "@/lib/payment-configs/config-view";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.configForm"))("editTitle") };
}

async function load(id: string): Promise<PaymentConfigView> {
  try {
    return await getPaymentConfigView(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function EditPaymentConfigPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ created?: string }>;
}) {
  const { id } = await params;
  await requirePageAdmin(`/admin/payment-configs/${encodeURIComponent(id)}`);
  const [t, config, others, { created }] = await Promise.all([
    getTranslations("console.configForm"),
    load(id),
    listPaymentConfigs(),
    searchParams,
  ]);

  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/payment-configs" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader
        title={config.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ProviderName provider={config.provider} />
            {config.sandbox && <SandboxTag />}
            {config.isDefault && <Badge tone="blue">{t("defaultBadge")}</Badge>}
            {!config.enabled && <Badge tone="slate">{t("disabledBadge")}</Badge>}
          </span>
        }
      />
      {created && <Alert tone="success">{t("createdNotice")}</Alert>}
      {config.deletedAt ? (
        <Section id="deleted-title" title={t("deletedTitle")}>
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t("deletedBody")}</p>
            <Fingerprints fingerprints={config.fingerprints} />
          </div>
        </Section>
      ) : (
        <>
          <Section id="notify-title" title={t("urlsTitle")}>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <CopyField id="notifyUrl" label={t("notifyUrl")} value={config.notifyUrl} hint={t("notifyUrlHint")} />
              <CopyField id="refundNotifyUrl" label={t("refundNotifyUrl")} value={config.refundNotifyUrl} />
            </div>
          </Section>
          <Section id="config-actions-title" title={t("actionsTitle")}>
            <ConfigActions config={config} successors={successorsOf(config, others)} showEdit={false} />
          </Section>
          <Section id="form-title" title={t("details")}>
            <ConfigForm
              initial={{
                id: config.id,
                provider: config.provider,
                name: config.name,
                appId: config.appId,
                merchantId: config.merchantId,
                merchantSerialNo: config.merchantSerialNo ?? "",
                providerKeyId: config.providerKeyId ?? "",
                gatewayUrl: config.gatewayUrl,
                returnUrl: config.returnUrl ?? "",
                oauthBaseUrl: config.oauthBaseUrl ?? "",
                alipayDesktop: config.alipayDesktop,
                sandbox: config.sandbox,
                enabled: config.enabled,
                isDefault: config.isDefault,
                fingerprints: config.fingerprints,
              }}
            />
          </Section>
        </>
      )}
    </div>
  );
}
