"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/admin/alert";

/** A key or secret the server returned once: shown here, and never again. */
export function SecretOnce({ label, value }: { label: string; value: string }) {
  const t = useTranslations("console.developers");
  return (
    <Alert tone="success">
      <p className="font-medium">{t("shownOnce")}</p>
      <label className="mt-2 block text-sm">
        {label}
        <input
          readOnly
          value={value}
          data-testid="secret-once"
          onFocus={(event) => event.currentTarget.select()}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
        />
      </label>
    </Alert>
  );
}
