"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { Checkbox, TextArea, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

interface AdjustResult {
  seq: number;
  delta: number;
  balanceAfter: number;
}

// getRandomValues works on plain http too (a LAN address), unlike crypto.randomUUID.
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A manual credit (+) or debit (−). The request id is made once per adjustment and kept until
 * the server has accepted it, so a double click or a retry after a lost answer adjusts once.
 */
export function AdjustForm({ userId }: { userId: string }) {
  const t = useTranslations("console.users");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const adjust = useAction<AdjustResult>();
  const requestId = useRef<string | null>(null);
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const [allowNegative, setAllowNegative] = useState(false);
  const [deltaError, setDeltaError] = useState<string | null>(null);
  const fields = adjust.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = delta.trim();
    // A signed whole number; checked here too so the message is ours, not the validator's.
    const whole = /^[+-]?\d+$/.test(amount);
    setDeltaError(whole ? null : "whole_number");
    if (!whole) return;
    requestId.current ??= newRequestId();
    const id = requestId.current;
    const done = await adjust.run(
      async () =>
        (
          await adminApi<{ entry: AdjustResult }>("POST", `/api/admin/users/${userId}/adjustments`, {
            delta: Number(amount),
            reason,
            allowNegativeBalance: allowNegative,
            requestId: id,
          })
        ).entry,
    );
    if (done) {
      requestId.current = null;
      setDelta("");
      setReason("");
      setAllowNegative(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("adjustTitle")}>
      <TextField
        id="adjust-delta"
        label={t("delta")}
        hint={t("deltaHint")}
        inputMode="numeric"
        placeholder="+100 / -50"
        value={delta}
        onChange={(e) => setDelta(e.target.value)}
        error={fieldError(deltaError ?? fields.delta)}
        required
      />
      <TextArea
        id="adjust-reason"
        label={t("reason")}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(fields.reason)}
        required
      />
      <Checkbox
        id="adjust-negative"
        label={t("allowNegative")}
        hint={t("allowNegativeHint")}
        checked={allowNegative}
        onChange={(e) => setAllowNegative(e.target.checked)}
      />
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={adjust.pending}>
          {adjust.pending ? t("adjusting") : t("adjust")}
        </button>
      </div>
      {adjust.result && (
        <Alert tone="success">
          {t("adjusted", {
            delta: `${adjust.result.delta > 0 ? "+" : ""}${adjust.result.delta}`,
            balance: adjust.result.balanceAfter,
          })}
        </Alert>
      )}
      {adjust.error && !Object.keys(fields).length && <Alert tone="error">{errorText(adjust.error)}</Alert>}
    </form>
  );
}
