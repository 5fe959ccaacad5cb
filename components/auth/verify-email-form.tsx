"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { knownError, type KnownError } from "@/components/auth/known-error";
import { postJson } from "@/components/auth/post-json";

// A button rather than verifying on load: mail scanners that open links must not spend them.
export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [status, setStatus] = useState<"idle" | "working" | "done">("idle");
  const [error, setError] = useState<KnownError | null>(null);

  async function verify() {
    setStatus("working");
    setError(null);
    const result = await postJson("/api/account/verify-email", { token });
    if (result.ok) {
      setStatus("done");
      return;
    }
    setError(knownError(result.fields.token ?? result.code));
    setStatus("idle");
  }

  if (status === "done") {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert tone="info">{t("verify.done")}</FormAlert>
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {t("signInTitle")}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("verify.intro")}</p>
      {error && (
        <FormAlert>
          {t(`errors.${error}`)} {error === "invalid_link" && t("verify.expiredHint")}
        </FormAlert>
      )}
      <button
        type="button"
        onClick={() => void verify()}
        disabled={status !== "idle"}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {status === "idle" ? t("verify.submit") : t("working")}
      </button>
    </div>
  );
}
