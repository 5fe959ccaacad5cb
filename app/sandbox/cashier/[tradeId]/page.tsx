import type { Metadata } from "next";
import Image from "next/image";
import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/client-translations";
import { CashierWatch } from "@/components/sandbox/cashier-watch";
import { formatFen } from "@/lib/format/money";
import { cashierProgress } from "@/lib/sandbox/alipay/cashier";
import { phonePageUrl } from "@/lib/sandbox/alipay/trade-facts";
import { requireSandbox } from "@/lib/sandbox/guard";
import { findTradeById } from "@/lib/sandbox/trades";

export const metadata: Metadata = { robots: { index: false } };

/** qrcode_width as page.pay sent it; absent or unusable: the full cashier page. */
function embedWidth(value: string | undefined): number | null {
  const width = Number(value);
  return Number.isSafeInteger(width) && width >= 50 && width <= 1000 ? width : null;
}

/**
 * The sandbox's Alipay website cashier (page.pay): with qrcode_width only the QR code, framed in
 * the merchant's order page (qr_pay_mode 4); otherwise Alipay's full cashier page.
 */
export default async function SandboxCashierPage({
  params,
  searchParams,
}: {
  params: Promise<{ tradeId: string }>;
  searchParams: Promise<{ qrcode_width?: string }>;
}) {
  requireSandbox();
  const { tradeId } = await params;
  const width = embedWidth((await searchParams).qrcode_width);
  const [t, trade, progress] = await Promise.all([
    getTranslations("sandbox.cashier"),
    findTradeById(tradeId),
    cashierProgress(tradeId),
  ]);
  if (!trade || progress.state === "NOT_FOUND") {
    return <p className="p-6 text-center text-sm">{t("notFound")}</p>;
  }
  const watch = (
    <ClientTranslations namespaces={["sandbox"]}>
      <CashierWatch
        tradeId={trade.id}
        initial={progress.state}
        phoneUrl={phonePageUrl(trade)}
        qrWidth={width ?? 220}
        amountLabel={formatFen(trade.amountFen)}
      />
    </ClientTranslations>
  );

  if (width !== null) {
    // Framed in the order page, which already says it is a sandbox (globals.css hides the banner here).
    return (
      <main data-embedded-cashier className="flex min-h-screen items-start justify-center bg-white p-1">
        {watch}
      </main>
    );
  }
  return (
    <main className="min-h-screen bg-slate-100 px-3 py-8">
      <div className="mx-auto flex w-full max-w-md flex-col overflow-hidden rounded-2xl bg-white shadow-md">
        <div className="flex items-center gap-2 bg-[#1677ff] px-5 py-4 text-white">
          <Image
            src="/logos/alipay.svg"
            alt=""
            width={24}
            height={24}
            className="rounded ring-1 ring-white/60"
            unoptimized
          />
          <h1 className="text-lg font-semibold">{t("title")}</h1>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 px-5 pt-4 text-sm">
          <dt className="text-slate-500">{t("amount")}</dt>
          <dd className="text-xl font-bold text-slate-900">{formatFen(trade.amountFen)}</dd>
          <dt className="text-slate-500">{t("order")}</dt>
          <dd className="break-all font-mono text-xs">{trade.outTradeNo}</dd>
        </dl>
        <div className="flex flex-col items-center gap-3 px-5 py-5">
          <p className="font-medium">{t("scan")}</p>
          {watch}
          <p className="text-center text-sm text-slate-600">{t("scanHint")}</p>
          <a
            href={phonePageUrl(trade)}
            target="_blank"
            rel="noopener"
            className="text-sm font-medium text-brand-700 underline"
          >
            {t("openPhone")}
          </a>
        </div>
      </div>
    </main>
  );
}
