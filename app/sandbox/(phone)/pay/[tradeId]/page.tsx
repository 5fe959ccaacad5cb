import type { Metadata } from "next";
import Image from "next/image";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/client-translations";
import { PayButtons } from "@/components/sandbox/pay-buttons";
import { env } from "@/lib/env";
import { formatFen } from "@/lib/format/money";
import { requireSandbox } from "@/lib/sandbox/guard";
import { findTradeById } from "@/lib/sandbox/trades";

export const metadata: Metadata = { robots: { index: false } };

/** WeChat's H5 flow: the merchant appends redirect_url; only a page of this app is honoured. */
function sameSiteRedirect(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.origin === new URL(env().APP_URL).origin ? url.href : null;
  } catch {
    return null;
  }
}

export default async function SandboxPayPage({
  params,
  searchParams,
}: {
  params: Promise<{ tradeId: string }>;
  searchParams: Promise<{ redirect_url?: string }>;
}) {
  requireSandbox();
  const { tradeId } = await params;
  const redirectUrl = sameSiteRedirect((await searchParams).redirect_url);
  const [t, locale, trade] = await Promise.all([getTranslations("sandbox"), getLocale(), findTradeById(tradeId)]);
  const time = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });

  if (!trade) {
    return <p className="mx-auto max-w-sm rounded-xl bg-white p-6 text-center shadow-sm">{t("notFound")}</p>;
  }
  const wallet = trade.merchant.provider === "WECHAT" ? t("wechat") : t("alipay");
  const expired = trade.state === "PENDING" && trade.expiresAt <= new Date();
  const accent = trade.merchant.provider === "WECHAT" ? "bg-[#07c160]" : "bg-[#1677ff]";

  return (
    <div className="mx-auto flex w-full max-w-sm flex-col overflow-hidden rounded-2xl bg-white shadow-md">
      <div className={`${accent} px-5 py-4 text-white`}>
        <p className="flex items-center gap-2 text-sm opacity-90">
          <Image
            src={trade.merchant.provider === "WECHAT" ? "/logos/wechat-pay.svg" : "/logos/alipay.svg"}
            alt=""
            width={20}
            height={20}
            className="rounded ring-1 ring-white/60"
            unoptimized
          />
          {wallet}
        </p>
        <h1 className="text-lg font-semibold">{t("title")}</h1>
      </div>
      <p role="note" className="bg-amber-100 px-5 py-2 text-sm font-medium text-amber-900">
        {t("banner")}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-5 py-4 text-sm">
        <dt className="text-slate-500">{t("amount")}</dt>
        <dd className="text-2xl font-bold text-slate-900" data-testid="sandbox-amount">
          {formatFen(trade.amountFen)}
        </dd>
        <dt className="text-slate-500">{t("item")}</dt>
        <dd>{trade.description}</dd>
        <dt className="text-slate-500">{t("merchant")}</dt>
        <dd className="break-all">{trade.merchant.merchantId}</dd>
        <dt className="text-slate-500">{t("order")}</dt>
        <dd className="break-all font-mono text-xs">{trade.outTradeNo}</dd>
        <dt className="text-slate-500">{t("expires")}</dt>
        <dd>{time.format(trade.expiresAt)}</dd>
      </dl>
      <div className="border-t border-slate-100 px-5 py-4">
        <ClientTranslations namespaces={["sandbox"]}>
          <PayButtons
            tradeId={trade.id}
            state={expired ? "EXPIRED" : trade.state}
            amountLabel={formatFen(trade.amountFen)}
            accent={accent}
            returnUrl={trade.channel === "PAGE" ? null : (trade.returnUrl ?? redirectUrl)}
          />
        </ClientTranslations>
      </div>
    </div>
  );
}
