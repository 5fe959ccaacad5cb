"use client";

import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { useEffect, useState } from "react";
import { cashierAction } from "@/app/sandbox/cashier/[tradeId]/actions";
import type { CashierState } from "@/lib/sandbox/alipay/cashier";

const pollMs = 1_000;

interface CashierWatchProps {
  tradeId: string;
  initial: CashierState;
  /** What the QR code says: the sandbox phone page of the trade. */
  phoneUrl: string;
  qrWidth: number;
  amountLabel: string;
}

/**
 * The QR code, and the cashier's wait for the phone: once paid it sends the top window (the
 * merchant's page around the iframe, or this page) to return_url, as Alipay's cashier does.
 */
export function CashierWatch({ tradeId, initial, phoneUrl, qrWidth, amountLabel }: CashierWatchProps) {
  const t = useTranslations("sandbox.cashier");
  const [state, setState] = useState(initial);

  useEffect(() => {
    if (state !== "PENDING") return;
    let stopped = false;
    const timer = setInterval(() => {
      cashierAction(tradeId).then(
        (progress) => {
          if (stopped) return;
          setState(progress.state);
          if (progress.returnTo && window.top) window.top.location.href = progress.returnTo;
        },
        () => undefined, // a missed poll is retried on the next tick
      );
    }, pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [state, tradeId]);

  const message: Record<CashierState, string> = {
    PENDING: t("waiting"),
    PAID: t("paid"),
    EXPIRED: t("expired"),
    CLOSED: t("closed"),
    REFUNDED: t("closed"),
    NOT_FOUND: t("notFound"),
  };

  return (
    <div className="flex flex-col items-center gap-2 text-center">
      {state === "PENDING" && (
        <a href={phoneUrl} target="_blank" rel="noopener" data-testid="sandbox-cashier-qr" data-code={phoneUrl}>
          <QRCodeSVG
            value={phoneUrl}
            size={qrWidth}
            level="M"
            marginSize={1}
            role="img"
            aria-label={t("qrLabel", { amount: amountLabel })}
          />
        </a>
      )}
      <p role="status" aria-live="polite" className="text-xs text-slate-600" data-testid="sandbox-cashier-state">
        {message[state]}
      </p>
    </div>
  );
}
