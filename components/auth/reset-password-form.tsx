"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/auth/field";
import { FormAlert } from "@/components/auth/form-alert";
import { knownError, type KnownError } from "@/components/auth/known-error";
import { postJson } from "@/components/auth/post-json";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [status, setStatus] = useState<"idle" | "working" | "done">("idle");
  const [error, setError] = useState<KnownError | null>(null);
  const [passwordError, setPasswordError] = useState<KnownError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setStatus("working");
    setError(null);
    setPasswordError(null);
    const result = await postJson("/api/account/password-reset/confirm", { token, password });
    if (result.ok) {
      setStatus("done");
      return;
    }
    if (result.fields.password) setPasswordError(knownError(result.fields.password));
    else setError(knownError(result.fields.token ?? result.code));
    setStatus("idle");
  }

  if (status === "done") {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert tone="info">{t("reset.done")}</FormAlert>
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {t("signInTitle")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error && (
        <FormAlert>
          {t(`errors.${error}`)}{" "}
          {error === "invalid_link" && (
            <Link href="/forgot-password" className="font-medium underline">
              {t("forgot.again")}
            </Link>
          )}
        </FormAlert>
      )}
      <Field
        name="password"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={passwordError ? t(`errors.${passwordError}`) : undefined}
      />
      <button
        type="submit"
        disabled={status !== "idle"}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {status === "idle" ? t("reset.submit") : t("working")}
      </button>
    </form>
  );
}
