"use client";

import { useTimeZone, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SelectField, TextArea, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import { defaultTimeZone } from "@/lib/settings/time-zone";
import { endOfDay, zonedTimestamp } from "@/lib/admin/date-range";

interface GrantResult {
  amount: number;
  balance: number;
}

// getRandomValues works on plain http too (a LAN address), unlike crypto.randomUUID.
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Grants a lot of credits. Like the adjustment form, one request id per grant makes a retry grant once. */
export function GrantForm({ userId }: { userId: string }) {
  const t = useTranslations("console.wallet");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const timeZone = useTimeZone() ?? defaultTimeZone;
  const grant = useAction<GrantResult>();
  const requestId = useRef<string | null>(null);
  const [amount, setAmount] = useState("");
  const [category, setCategory] = useState("PROMOTIONAL");
  const [expiresOn, setExpiresOn] = useState("");
  const [reason, setReason] = useState("");
  const fields = grant.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    requestId.current ??= newRequestId();
    const id = requestId.current;
    const done = await grant.run(
      async () =>
        (
          await adminApi<{ grant: GrantResult }>("POST", `/api/admin/users/${userId}/grants`, {
            amount: /^\d+$/.test(amount.trim()) ? Number(amount.trim()) : amount,
            category,
            // The last second of the chosen day in the display time zone, like every time the console shows.
            ...(expiresOn
              ? { expiresAt: zonedTimestamp(new Date(endOfDay(expiresOn, timeZone).getTime() - 1000), timeZone) }
              : {}),
            reason,
            requestId: id,
          })
        ).grant,
    );
    if (done) {
      requestId.current = null;
      setAmount("");
      setExpiresOn("");
      setReason("");
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("grantTitle")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          id="grant-amount"
          label={t("grantAmount")}
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={fieldError(fields.amount)}
          required
        />
        <SelectField
          id="grant-category"
          label={t("grantCategory")}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
        >
          <option value="PROMOTIONAL">{t("categories.PROMOTIONAL")}</option>
          <option value="PAID">{t("categories.PAID")}</option>
        </SelectField>
        <TextField
          id="grant-expiry"
          type="date"
          label={t("grantExpiry")}
          hint={t("grantExpiryHint")}
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
          error={fieldError(fields.expiresAt)}
        />
      </div>
      <TextArea
        id="grant-reason"
        label={t("grantReason")}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(fields.reason)}
        required
      />
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={grant.pending}>
          {grant.pending ? t("granting") : t("grant")}
        </button>
      </div>
      {grant.result && <Alert tone="success">{t("granted", { amount: grant.result.amount })}</Alert>}
      {grant.error && !Object.keys(fields).length && <Alert tone="error">{errorText(grant.error)}</Alert>}
    </form>
  );
}
