"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { knownError, type KnownError } from "@/components/auth/known-error";
import { postJson } from "@/components/auth/post-json";

export function SignOutEverywhereButton() {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<KnownError | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    const result = await postJson("/api/account/sign-out-everywhere", { confirm: true });
    if (!result.ok) {
      setError(knownError(result.code));
      setPending(false);
      return;
    }
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <FormAlert>{t(`errors.${error}`)}</FormAlert>}
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={pending}
        className="self-start rounded-md border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? t("working") : t("account.signOutEverywhere")}
      </button>
    </div>
  );
}
