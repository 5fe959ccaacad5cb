"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/auth/field";
import { FormAlert } from "@/components/auth/form-alert";
import { knownError, type KnownError } from "@/components/auth/known-error";
import { postJson } from "@/components/auth/post-json";

export function SignUpForm() {
  const t = useTranslations("auth");
  const [formError, setFormError] = useState<KnownError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, KnownError>>({});
  const [status, setStatus] = useState<"idle" | "working">("idle");
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    setStatus("working");
    setFormError(null);
    setFieldErrors({});
    const result = await postJson("/api/sign-up", {
      email,
      password: String(form.get("password") ?? ""),
      name: String(form.get("name") ?? ""),
    });
    setStatus("idle");
    if (result.ok) {
      setSentTo(email.trim());
      return;
    }
    const fields = Object.fromEntries(Object.entries(result.fields).map(([field, code]) => [field, knownError(code)]));
    setFieldErrors(fields);
    if (Object.keys(fields).length === 0) setFormError(knownError(result.code));
  }

  // The same words whether or not the address had an account: the mail tells the owner which.
  if (sentTo) {
    return (
      <div className="flex flex-col gap-4" data-testid="sign-up-sent">
        <FormAlert tone="info">{t("checkEmail", { email: sentTo })}</FormAlert>
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {t("signInTitle")}
        </Link>
      </div>
    );
  }

  const fieldError = (name: string) => (fieldErrors[name] ? t(`errors.${fieldErrors[name]}`) : undefined);

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError && <FormAlert>{t(`errors.${formError}`)}</FormAlert>}
      <Field name="email" type="email" label={t("email")} autoComplete="email" required error={fieldError("email")} />
      <Field
        name="password"
        type="password"
        label={t("password")}
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={fieldError("password")}
      />
      <Field name="name" type="text" label={t("name")} autoComplete="nickname" maxLength={80} />
      <button
        type="submit"
        disabled={status !== "idle"}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {status === "idle" ? t("submitSignUp") : t("working")}
      </button>
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {t("signInTitle")}
        </Link>
      </p>
    </form>
  );
}
