"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { localeCookie, locales, type Locale } from "@/lib/i18n/config";

const names: Record<Locale, string> = { zh: "中文", en: "English" };

export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    document.cookie = `${localeCookie}=${locale}; path=/; max-age=31536000; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <label className="flex items-center gap-1 text-slate-600">
      <span className="sr-only">{label}</span>
      <select
        aria-label={label}
        value={current}
        disabled={pending}
        onChange={(event) => choose(event.target.value as Locale)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        data-testid="language-switcher"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale === "zh" ? "zh-CN" : "en"}>
            {names[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
