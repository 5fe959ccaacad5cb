"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/auth/field";
import { FormAlert } from "@/components/auth/form-alert";
import { knownError, type KnownError } from "@/components/auth/known-error";
import { postJson } from "@/components/auth/post-json";

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("auth");
  const [status, setStatus] = useState<"idle" | "working" | "done">("idle");
  const [error, setError] = useState<KnownError | null>(null);
  const [fields, setFields] = useState<Record<string, KnownError>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    setStatus("working");
    setError(null);
    setFields({});
    const result = await postJson("/api/account/password", { currentPassword, newPassword });
    if (!result.ok) {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.fields).map(([field, code]) => [field, knownError(code)]),
      );
      setFields(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setError(knownError(result.code));
      setStatus("idle");
      return;
    }
    // The change ended every session, this one too: sign this browser in again with the new password.
    await signIn("credentials", { email, password: newPassword, redirect: false });
    formElement.reset();
    setStatus("done");
  }

  const fieldError = (name: string) => (fields[name] ? t(`errors.${fields[name]}`) : undefined);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error && <FormAlert>{t(`errors.${error}`)}</FormAlert>}
      {status === "done" && <FormAlert tone="info">{t("account.passwordChanged")}</FormAlert>}
      <Field
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        required
        error={fieldError("currentPassword")}
      />
      <Field
        name="newPassword"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={fieldError("newPassword")}
      />
      <button
        type="submit"
        disabled={status === "working"}
        className="self-start rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {status === "working" ? t("working") : t("account.changePassword")}
      </button>
    </form>
  );
}
