"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { OrderSnapshot } from "@/components/recharge/api";
import { CancelButton } from "@/components/orders/cancel-button";
import { CheckButton } from "@/components/orders/check-button";
import { Countdown } from "@/components/orders/countdown";
import { CashierPanel } from "@/components/orders/cashier-panel";
import { H5Panel } from "@/components/orders/h5-panel";
import { JsapiPanel } from "@/components/orders/jsapi-panel";
import { OrderDetails } from "@/components/orders/order-details";
import { isSettled, orderState } from "@/components/orders/order-state";
import { PaidSummary } from "@/components/orders/paid-summary";
import { QrCodePanel } from "@/components/orders/qr-code-panel";
import { RenewButton } from "@/components/orders/renew-button";
import { StatusHeadline } from "@/components/orders/status-headline";
import { useServerNow } from "@/components/orders/use-now";
import { useOrderStatus } from "@/components/orders/use-order-status";

interface OrderLiveProps {
  initial: OrderSnapshot;
  /** For "new code": the same package again (the order view carries only its name). */
  packageId: string;
  serverNow: number;
  /** Back from WeChat's OAuth, which refused: the JSAPI panel says so instead of starting over. */
  wechatAuthFailed?: boolean;
}

const waitingBody = {
  QR: "body.waitingQr",
  H5: "body.waitingH5",
  JSAPI: "body.waitingJsapi",
  PAGE: "body.waitingPage",
} as const;

const linkClass = "rounded-lg px-3 py-2 font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50";

/** The pay panel of one order: code or H5 button, countdown, live status and what to do next. */
export function OrderLive({ initial, packageId, serverNow, wechatAuthFailed }: OrderLiveProps) {
  const t = useTranslations("order");
  const tProvider = useTranslations("providers");
  const router = useRouter();
  const { snapshot, streamDown, refreshFailed, retry } = useOrderStatus(initial);
  const { order, balance } = snapshot;
  const now = useServerNow(serverNow, order.status === "PENDING");
  const state = orderState(order, now);
  const heading = useRef<HTMLHeadingElement>(null);
  const [openedUnsettled] = useState(() => !isSettled(initial.order.status));
  const justPaid = openedUnsettled && isSettled(order.status);

  // The header's balance is server-rendered: refresh it when the payment lands.
  useEffect(() => {
    if (justPaid) router.refresh();
  }, [justPaid, router]);

  const provider = tProvider(order.provider);
  const body = state === "waiting" ? t(waitingBody[order.channel], { provider }) : t(`body.${state}`, { provider });
  const recharge = (
    <Link href="/recharge" className={linkClass}>
      {t("chooseAnother")}
    </Link>
  );

  return (
    <div className="grid items-start gap-6 md:grid-cols-[minmax(0,1fr)_18rem]">
      <section
        aria-labelledby="pay-status"
        className="flex flex-col items-center gap-5 rounded-2xl border border-slate-200 bg-white p-5 text-center shadow-sm sm:p-8"
      >
        <StatusHeadline state={state} body={body} headingRef={heading} />

        {state === "waiting" && (
          <>
            {order.channel === "QR" ? (
              <QrCodePanel order={order} />
            ) : order.channel === "PAGE" ? (
              <CashierPanel order={order} />
            ) : order.channel === "JSAPI" ? (
              <JsapiPanel order={order} authFailed={wechatAuthFailed} />
            ) : (
              <H5Panel order={order} />
            )}
            <Countdown expiresAt={order.expiresAt} now={now} />
            <div className="flex flex-col items-center gap-2">
              <CheckButton order={order} />
              <CancelButton orderNo={order.orderNo} onCancelled={() => heading.current?.focus()} />
            </div>
          </>
        )}

        {(state === "paid" || state === "late") && (
          <>
            <PaidSummary credits={order.credits} balance={balance} justPaid={justPaid} />
            <div className="flex flex-wrap justify-center gap-2">
              <Link href="/ledger" className={linkClass}>
                {t("viewHistory")}
              </Link>
              <Link href="/recharge" className={linkClass}>
                {t("rechargeAgain")}
              </Link>
            </div>
          </>
        )}

        {state === "expired" && (
          <>
            <RenewButton packageId={packageId} provider={order.provider} channel={order.channel} label={t("newCode")} />
            {/* A code paid just before it ran out: let the user make us ask. */}
            <CheckButton order={order} />
          </>
        )}

        {(state === "cancelled" || state === "failed") && (
          <>
            <RenewButton
              packageId={packageId}
              provider={order.provider}
              channel={order.channel}
              label={t(state === "cancelled" ? "buyAgain" : "retryPayment")}
            />
            {recharge}
          </>
        )}

        {(state === "refunded" || state === "partiallyRefunded") && (
          <Link href="/ledger" className={linkClass}>
            {t("viewHistory")}
          </Link>
        )}

        {streamDown && !refreshFailed && state === "waiting" && (
          <p className="text-xs text-slate-600">{t("liveOffline")}</p>
        )}
        {refreshFailed && (
          <p role="alert" className="flex items-center gap-2 text-sm text-red-800">
            {t("refreshFailed")}
            <button type="button" onClick={retry} className="rounded px-2 py-1 font-medium underline">
              {t("retry")}
            </button>
          </p>
        )}
      </section>

      <OrderDetails order={order} />
    </div>
  );
}
