"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { Checkbox, TextArea, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import { formatYuan, parseYuan } from "@/lib/admin/yuan";
import { formatFen } from "@/lib/format/money";
import { creditsToDebit } from "@/lib/refunds/refund-credits";

interface CheckResult {
  providerState: string;
  settled?: string;
  closed: boolean;
}

interface RefundResult {
  refundNo: string;
  status: string;
  amountFen: number;
  credits: number;
}

const orderUrl = (orderNo: string) => `/api/admin/transactions/${encodeURIComponent(orderNo)}`;

function SyncButton({ orderNo }: { orderNo: string }) {
  const t = useTranslations("console.orderActions");
  const errorText = useErrorText();
  const sync = useAction<CheckResult>();
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        className={buttonClass("secondary")}
        disabled={sync.pending}
        onClick={() =>
          sync.run(async () => (await adminApi<{ result: CheckResult }>("POST", `${orderUrl(orderNo)}/sync`)).result)
        }
      >
        {sync.pending ? t("syncing") : t("sync")}
      </button>
      {sync.result && (
        <Alert tone="success">
          {t("syncResult", { state: sync.result.providerState, settled: sync.result.settled ?? "—" })}
        </Alert>
      )}
      {sync.error && <Alert tone="error">{errorText(sync.error)}</Alert>}
    </div>
  );
}

function CloseButton({ orderNo }: { orderNo: string }) {
  const t = useTranslations("console.orderActions");
  const errorText = useErrorText();
  const close = useAction<CheckResult>();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3">
          <p className="text-sm text-red-900">{t("closeConfirm")}</p>
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass("danger")}
              disabled={close.pending}
              onClick={async () => {
                await close.run(
                  async () => (await adminApi<{ result: CheckResult }>("POST", `${orderUrl(orderNo)}/close`)).result,
                );
                setConfirming(false);
              }}
            >
              {close.pending ? t("closing") : t("closeYes")}
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass("danger")} onClick={() => setConfirming(true)}>
          {t("close")}
        </button>
      )}
      {close.result && (
        <Alert tone="success">
          {close.result.closed
            ? t("closed")
            : t("notClosed", { state: close.result.providerState, settled: close.result.settled ?? "—" })}
        </Alert>
      )}
      {close.error && <Alert tone="error">{errorText(close.error)}</Alert>}
    </div>
  );
}

interface RefundOrder {
  orderNo: string;
  priceFen: number;
  credits: number;
  refundedFen: number;
  refundableFen: number;
}

/** The refund the form describes, or the field errors that keep it from being confirmed. */
function checkRefund(order: RefundOrder, amountText: string, reason: string) {
  const amountFen = parseYuan(amountText);
  const errors: Record<string, string> = {};
  if (amountFen === null || amountFen === 0) errors.amountYuan = "positive_amount_required";
  else if (amountFen > order.refundableFen) errors.amountYuan = "too_large";
  if (reason.trim().length < 2) errors.reason = "reason_required";
  if (amountFen === null || Object.keys(errors).length) return { errors };
  return { amountFen, credits: creditsToDebit(order, order.refundedFen, amountFen) };
}

/**
 * Money leaves on a refund and cannot be called back: the amount starts empty (never the
 * whole price by default), and nothing is sent before the admin has seen the amount and the
 * credits it takes back and confirmed them.
 */
function RefundForm({ order }: { order: RefundOrder }) {
  const t = useTranslations("console.orderActions");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const refund = useAction<RefundResult>();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [allowNegative, setAllowNegative] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<{ amountFen: number; credits: number } | null>(null);
  const fields = { ...(refund.error?.fields ?? {}), ...localErrors };

  function review(event: FormEvent) {
    event.preventDefault();
    const checked = checkRefund(order, amount, reason);
    setLocalErrors(checked.errors ?? {});
    setConfirming(checked.errors ? null : { amountFen: checked.amountFen, credits: checked.credits });
  }

  async function send(amountFen: number) {
    const done = await refund.run(
      async () =>
        (
          await adminApi<{ refund: RefundResult }>("POST", `${orderUrl(order.orderNo)}/refunds`, {
            amountYuan: formatYuan(amountFen),
            reason,
            allowNegativeBalance: allowNegative,
          })
        ).refund,
    );
    setConfirming(null);
    if (done) {
      setReason("");
      setAmount("");
    }
  }

  return (
    <form onSubmit={review} className="flex flex-col gap-3" aria-labelledby="refund-title" noValidate>
      <h3 id="refund-title" className="text-sm font-semibold">
        {t("refundTitle")}
      </h3>
      <TextField
        id="refund-amount"
        label={t("refundAmount")}
        hint={t("refundable", { amount: formatFen(order.refundableFen) })}
        inputMode="decimal"
        placeholder={formatYuan(order.refundableFen)}
        value={amount}
        onChange={(event) => {
          setAmount(event.target.value);
          setConfirming(null);
        }}
        error={fieldError(fields.amountYuan)}
        required
      />
      <TextArea
        id="refund-reason"
        label={t("refundReason")}
        rows={2}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setConfirming(null);
        }}
        error={fieldError(fields.reason)}
        required
      />
      <Checkbox
        id="refund-negative"
        label={t("allowNegative")}
        hint={t("allowNegativeHint")}
        checked={allowNegative}
        onChange={(event) => {
          setAllowNegative(event.target.checked);
          setConfirming(null);
        }}
      />
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="refund-confirm-text"
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
          data-testid="refund-confirm"
        >
          <p id="refund-confirm-text" className="text-sm text-red-900">
            {t("refundConfirm", { amount: formatFen(confirming.amountFen), credits: confirming.credits })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass("danger")}
              disabled={refund.pending}
              onClick={() => send(confirming.amountFen)}
            >
              {refund.pending ? t("refunding") : t("refundYes", { amount: formatFen(confirming.amountFen) })}
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="submit" className={buttonClass("primary")}>
            {t("refund")}
          </button>
        </div>
      )}
      {refund.result && (
        <Alert tone="success">
          {t("refundDone", {
            refundNo: refund.result.refundNo,
            amount: formatFen(refund.result.amountFen),
            credits: refund.result.credits,
            status: refund.result.status,
          })}
        </Alert>
      )}
      {refund.error && !Object.keys(fields).length && <Alert tone="error">{errorText(refund.error)}</Alert>}
    </form>
  );
}

/** What an admin can do to an order: ask the provider, close it, refund it. */
export function OrderActions({
  orderNo,
  status,
  priceFen,
  credits,
  refundedFen,
  refundableFen,
}: {
  orderNo: string;
  status: string;
  priceFen: number;
  credits: number;
  refundedFen: number;
  refundableFen: number;
}) {
  const refundable = (status === "PAID" || status === "PARTIALLY_REFUNDED") && refundableFen > 0;
  return (
    <div className="flex flex-col gap-4">
      <SyncButton orderNo={orderNo} />
      {status === "PENDING" && <CloseButton orderNo={orderNo} />}
      {refundable && (
        <div className="border-t border-slate-200 pt-4">
          <RefundForm order={{ orderNo, priceFen, credits, refundedFen, refundableFen }} />
        </div>
      )}
    </div>
  );
}
