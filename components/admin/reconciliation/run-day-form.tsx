"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SelectField, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

interface RunResult {
  status: string;
  differences?: number;
  settled?: number;
  detail?: string;
}

/** "Reconcile this day": one config, one Beijing day, run now. */
export function RunDayForm({ configs, defaultDate }: { configs: { id: string; name: string }[]; defaultDate: string }) {
  const t = useTranslations("console.bills");
  const errorText = useErrorText();
  const fieldText = useFieldErrorText();
  const action = useAction<RunResult>();
  const [configId, setConfigId] = useState(configs[0]?.id ?? "");
  const [billDate, setBillDate] = useState(defaultDate);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      async () =>
        (await adminApi<{ result: RunResult }>("POST", "/api/admin/reconciliation/run", { configId, billDate })).result,
    );
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t("runTitle")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-end">
        <SelectField
          id="run-config"
          label={t("config")}
          value={configId}
          onChange={(event) => setConfigId(event.target.value)}
          error={fieldText(action.error?.fields.configId)}
        >
          {configs.map((config) => (
            <option key={config.id} value={config.id}>
              {config.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="run-date"
          label={t("billDate")}
          type="date"
          value={billDate}
          onChange={(event) => setBillDate(event.target.value)}
          error={fieldText(action.error?.fields.billDate)}
          required
        />
        <button type="submit" className={buttonClass("primary")} disabled={action.pending || !configId}>
          {action.pending ? t("running") : t("run")}
        </button>
      </div>
      {action.result && (
        <Alert tone={action.result.status === "DONE" ? "success" : "warning"}>
          {t("runResult", {
            status: t(`runStatus.${action.result.status}`),
            differences: action.result.differences ?? 0,
            settled: action.result.settled ?? 0,
          })}
          {action.result.detail ? ` (${action.result.detail})` : ""}
        </Alert>
      )}
      {action.error && <Alert tone="error">{errorText(action.error)}</Alert>}
    </form>
  );
}
