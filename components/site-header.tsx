import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { currentUser, isAdmin } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/config";

export async function SiteHeader() {
  const [t, tApp, user, locale] = await Promise.all([
    getTranslations("nav"),
    getTranslations("app"),
    currentUser(),
    getLocale(),
  ]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-brand-700">
          {tApp("name")}
        </Link>
        <nav
          aria-label={t("mainNavigation")}
          className="order-last flex w-full items-center gap-3 text-sm sm:order-none sm:w-auto sm:flex-1"
        >
          <Link href="/" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
            {t("home")}
          </Link>
          {isAdmin(user) && (
            <Link href="/admin" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
              {t("admin")}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2 text-sm sm:gap-3">
          {user && (
            <span
              className="whitespace-nowrap rounded-full bg-brand-50 px-3 py-1 font-medium text-brand-800"
              data-testid="header-balance"
            >
              {t("balance")}: {user.balance.toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}
            </span>
          )}
          <LanguageSwitcher current={isLocale(locale) ? locale : "zh"} label={t("language")} />
          {user ? (
            <SignOutButton label={t("signOut")} />
          ) : (
            <>
              <Link href="/sign-in" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
              >
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
