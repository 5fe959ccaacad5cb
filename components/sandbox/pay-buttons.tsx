"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { payAction } from "@/app/sandbox/(phone)/pay/[tradeId]/actions";
import { useHydrated } from "@/components/use-hydrated";

type TradeState = "PENDING" | "PAID" | "CLOSED" | "REFUNDED" | "EXPIRED";

interface PayButtonsProps {
  tradeId: string;
  state: TradeState;
  amountLabel: string;
  accent: string;
  returnUrl: string | null;
}

export function PayButtons({ tradeId, state: initial, amountLabel, accent, returnUrl }: PayButtonsProps) {
  const t = useTranslations("sandbox");
  const [state, setState] = useState<TradeState | "DECLINED">(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  const message: Partial<Record<TradeState | "DECLINED", string>> = {
    PAID: t("paid"),
    CLOSED: t("closed"),
    REFUNDED: t("refunded"),
    EXPIRED: t("expired"),
    DECLINED: t("declined"),
  };

  if (state !== "PENDING") {
    return (
      <div role="status" className="flex flex-col gap-2 text-center" data-testid="sandbox-result">
        <p className="text-lg font-semibold">{message[state]}</p>
        {state === "PAID" && <p className="text-sm text-slate-600">{t("paidBody")}</p>}
        {returnUrl && (
          <a href={returnUrl} className="text-sm font-medium text-brand-700 underline">
            {t("backToMerchant")}
          </a>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("failed", { reason: failure })}
        </p>
      )}
      <button
        type="button"
        disabled={pending || !hydrated}
        onClick={() =>
          startTransition(async () => {
            const result = await payAction(tradeId);
            if (result.ok) {
              setState("PAID");
              // Back to the merchant, as the wallet app does after an H5 payment.
              if (returnUrl) window.location.assign(returnUrl);
            } else if (result.reason === "TRADE_EXPIRED") setState("EXPIRED");
            else setFailure(result.reason);
          })
        }
        className={`${accent} rounded-lg px-4 py-3 text-base font-semibold text-white disabled:opacity-60`}
      >
        {pending ? t("paying") : t("pay", { amount: amountLabel })}
      </button>
      <button
        type="button"
        disabled={pending || !hydrated}
        onClick={() => setState("DECLINED")}
        className="rounded-lg border border-slate-300 px-4 py-3 text-base font-medium text-slate-700"
      >
        {t("decline")}
      </button>
    </div>
  );
}
