"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/auth/field";
import { FormAlert } from "@/components/auth/form-alert";

type SignInError = "invalid_credentials" | "rate_limited" | "network";

function errorCode(code: string | undefined): SignInError {
  return code === "rate_limited" ? "rate_limited" : "invalid_credentials";
}

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result?.ok) {
        setError(errorCode(result?.error ?? undefined));
        setPending(false);
        return;
      }
      // A full load, not a client navigation: pages prefetched while signed out were cached as
      // redirects to sign-in (proxy.ts), and every part of the page changes with the session.
      window.location.replace(returnTo);
    } catch {
      setError("network");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error && <FormAlert>{t(`errors.${error}`)}</FormAlert>}
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <Link href="/forgot-password" className="-mt-2 self-end text-sm font-medium text-brand-700 underline">
        {t("forgotLink")}
      </Link>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("working") : t("submitSignIn")}
      </button>
      <p className="text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 underline">
          {t("signUpTitle")}
        </Link>
      </p>
    </form>
  );
}
