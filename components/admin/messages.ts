"use client";

import { useTranslations } from "next-intl";
import type { AdminApiError } from "@/components/admin/api";

/** Text for an API error: its message code translated, or a generic line naming the code. */
export function useErrorText() {
  const t = useTranslations("console.errors");
  return (error: AdminApiError) => {
    const text = t.has(error.message)
      ? t(error.message)
      : t.has(error.code)
        ? t(error.code)
        : t("unknown", { code: error.message });
    // What the provider said, when it said something.
    return error.fields.provider ? `${text} (${error.fields.provider})` : text;
  };
}

/** Text for a field error code ("required", "apiv3_length", …); unknown codes are shown as sent. */
export function useFieldErrorText() {
  const t = useTranslations("console.fieldErrors");
  return (code: string | undefined) => (code === undefined ? undefined : t.has(code) ? t(code) : code);
}
