"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { cashierUrl, type Cashier } from "@/components/recharge/api";
import { ProviderMark } from "@/components/recharge/provider-mark";
import type { OrderView } from "@/lib/recharge/order-view";

type Load = { is: "loading" } | { is: "failed" } | { is: "ready"; cashier: Cashier };

/**
 * Alipay's website cashier (page.pay): its QR code framed here, or a button to its full page.
 * The URL is signed on demand (it carries a timestamp), so it is fetched, never stored.
 */
export function CashierPanel({ order }: { order: OrderView }) {
  const t = useTranslations("order");
  const tProvider = useTranslations("providers");
  const [load, setLoad] = useState<Load>({ is: "loading" });
  const fetchCashier = useCallback(
    () =>
      cashierUrl(order.orderNo).then(
        (cashier) => setLoad({ is: "ready", cashier }),
        () => setLoad({ is: "failed" }),
      ),
    [order.orderNo],
  );
  useEffect(() => {
    void fetchCashier();
  }, [fetchCashier]);
  function retry() {
    setLoad({ is: "loading" });
    void fetchCashier();
  }

  if (load.is === "loading") {
    return (
      <p role="status" className="text-sm text-slate-600" data-testid="cashier-loading">
        {t("cashierLoading")}
      </p>
    );
  }
  if (load.is === "failed") {
    return (
      <div role="alert" className="flex flex-col items-center gap-2 text-sm text-red-800">
        <p>{t("cashierFailed")}</p>
        <button type="button" onClick={retry} className="font-medium underline">
          {t("cashierRetry")}
        </button>
      </div>
    );
  }
  const provider = tProvider(order.provider);
  if (load.cashier.mode === "REDIRECT") {
    return (
      <button
        type="button"
        onClick={() => window.location.assign(load.cashier.url)}
        className="flex w-full max-w-xs items-center justify-center gap-3 rounded-xl bg-[#0958d9] px-5 py-4 text-lg font-semibold text-white shadow-sm hover:opacity-90"
        data-testid="pay-cashier"
      >
        <ProviderMark provider={order.provider} size={28} />
        {t("openProvider", { provider })}
      </button>
    );
  }
  return (
    <figure className="flex flex-col items-center gap-3">
      <iframe
        src={load.cashier.url}
        title={t("cashierLabel", { provider })}
        className="h-64 w-56 rounded-2xl border-4 border-[#1677ff] bg-white"
        data-testid="pay-cashier-frame"
      />
      <figcaption className="flex items-center gap-2 font-medium text-slate-800">
        <ProviderMark provider={order.provider} size={24} />
        {provider}
      </figcaption>
    </figure>
  );
}
