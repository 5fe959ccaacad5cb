"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/auth/field";
import { FormAlert } from "@/components/auth/form-alert";
import { postJson } from "@/components/auth/post-json";
import { knownError } from "@/components/auth/known-error";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [status, setStatus] = useState<"idle" | "working" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setStatus("working");
    setError(null);
    const result = await postJson("/api/account/password-reset", { email });
    if (result.ok) {
      setStatus("sent");
      return;
    }
    setError(knownError(result.fields.email ?? result.code));
    setStatus("idle");
  }

  if (status === "sent") {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert tone="info">{t("forgot.sent")}</FormAlert>
        <Link href="/sign-in" className="text-sm font-medium text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <p className="text-sm text-slate-600">{t("forgot.intro")}</p>
      {error && <FormAlert>{t(`errors.${error}`)}</FormAlert>}
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <button
        type="submit"
        disabled={status !== "idle"}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {status === "idle" ? t("forgot.submit") : t("working")}
      </button>
      <Link href="/sign-in" className="text-sm font-medium text-brand-700 underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
