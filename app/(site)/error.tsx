"use client";

import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/status-page";

export default function ErrorBoundary({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <StatusPage
      title={t("genericTitle")}
      body={t("genericBody")}
      action={
        <button
          type="button"
          onClick={reset}
          className="mt-2 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {t("retry")}
        </button>
      }
    />
  );
}
