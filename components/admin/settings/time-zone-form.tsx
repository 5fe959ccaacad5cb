"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SelectField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

export interface ZoneChoice {
  name: string;
  /** Its offset now, "UTC+08:00". */
  offset: string;
}

/** The zone the console, the pages and the CSV exports show times in. */
export function TimeZoneForm({ current, zones }: { current: string; zones: ZoneChoice[] }) {
  const t = useTranslations("console.settings");
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const save = useAction<unknown>();
  const [value, setValue] = useState(current);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save.run(() => adminApi("PUT", "/api/admin/display-settings", { timeZone: value }));
  }

  const fieldError = save.error?.fields.timeZone;
  return (
    <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-label={t("timeZoneTitle")}>
      <div className="sm:w-96">
        <SelectField
          id="display-time-zone"
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={fieldErrorText(fieldError)}
        >
          {zones.map((zone) => (
            <option key={zone.name} value={zone.name}>
              {zone.name} ({zone.offset})
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={save.pending || value === current}>
          {t("save")}
        </button>
      </div>
      {save.result !== null && !save.error && (
        <p role="status" className="text-sm text-brand-800">
          {t("saved")}
        </p>
      )}
      {save.error && !fieldError && <Alert tone="error">{errorText(save.error)}</Alert>}
    </form>
  );
}
