"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

/** The balance.low threshold: empty turns the event off. */
export function ThresholdForm({ initial }: { initial: number | null }) {
  const t = useTranslations("console.developers");
  const errorText = useErrorText();
  const save = useAction<unknown>();
  const [value, setValue] = useState(initial === null ? "" : String(initial));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = value.trim();
    const threshold = text === "" ? null : /^\d+$/.test(text) ? Number(text) : text;
    await save.run(() => adminApi("PUT", "/api/admin/wallet-settings", { lowBalanceThreshold: threshold }));
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      aria-label={t("thresholdTitle")}
    >
      <div className="sm:w-64">
        <TextField
          id="low-balance-threshold"
          label={t("threshold")}
          hint={t("thresholdHint")}
          inputMode="numeric"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={save.error?.fields.lowBalanceThreshold ? t("thresholdInvalid") : undefined}
        />
      </div>
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={save.pending}>
          {t("save")}
        </button>
      </div>
      {save.result !== null && !save.error && (
        <p role="status" className="text-sm text-brand-800">
          {t("saved")}
        </p>
      )}
      {save.error && !save.error.fields.lowBalanceThreshold && <Alert tone="error">{errorText(save.error)}</Alert>}
    </form>
  );
}
