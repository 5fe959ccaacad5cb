import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ConfigForm } from "@/components/admin/payment-configs/config-form";
import { Section } from "@/components/admin/section";
import { requirePageAdmin } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.configForm"))("newTitle") };
}

const defaultGateways = {
  WECHAT: "https://api.mch.weixin.qq.com",
  ALIPAY: "https://openapi.alipay.com/gateway.do",
};

type SearchParams = Promise<{ provider?: string }>;

export default async function NewPaymentConfigPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAdmin("/admin/payment-configs/new");
  const provider = (await searchParams).provider === "ALIPAY" ? "ALIPAY" : "WECHAT";
  const [t, tp] = await Promise.all([getTranslations("console.configForm"), getTranslations("console.providers")]);
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/payment-configs" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("newTitleFor", { provider: tp(provider) })} description={t("newIntro")} />
      <Section id="form-title" title={t("details")}>
        <ConfigForm
          initial={{
            provider,
            name: "",
            appId: "",
            merchantId: "",
            merchantSerialNo: "",
            providerKeyId: "",
            gatewayUrl: defaultGateways[provider],
            returnUrl: "",
            oauthBaseUrl: "",
            alipayDesktop: "PRECREATE",
            sandbox: false,
            enabled: true,
            isDefault: false,
            fingerprints: {},
          }}
        />
      </Section>
    </div>
  );
}
