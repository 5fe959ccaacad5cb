"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/auth/field";
import { FormAlert } from "@/components/auth/form-alert";

const knownErrors = ["email_taken", "weak_password", "invalid_email", "rate_limited", "network", "unknown"] as const;
type SignUpError = (typeof knownErrors)[number];

function known(code: unknown): SignUpError {
  return knownErrors.includes(code as SignUpError) ? (code as SignUpError) : "unknown";
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

export function SignUpForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [formError, setFormError] = useState<SignUpError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, SignUpError>>({});
  const [status, setStatus] = useState<"idle" | "working" | "created">("idle");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setStatus("working");
    setFormError(null);
    setFieldErrors({});
    try {
      const response = await fetch("/api/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password, name: String(form.get("name") ?? "") }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as ErrorBody;
        const fields = Object.fromEntries(
          Object.entries(body.error?.fields ?? {}).map(([field, code]) => [field, known(code)]),
        );
        setFieldErrors(fields);
        if (Object.keys(fields).length === 0) setFormError(known(body.error?.message));
        setStatus("idle");
        return;
      }
      setStatus("created");
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result?.ok) {
        router.replace("/sign-in");
        return;
      }
      router.replace("/");
      router.refresh();
    } catch {
      setFormError("network");
      setStatus("idle");
    }
  }

  const fieldError = (name: string) => (fieldErrors[name] ? t(`errors.${fieldErrors[name]}`) : undefined);

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError && <FormAlert>{t(`errors.${formError}`)}</FormAlert>}
      {status === "created" && <FormAlert tone="info">{t("created")}</FormAlert>}
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
