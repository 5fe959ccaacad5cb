import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { currentUser, isAdmin } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/config";

const navLink = "shrink-0 rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900";

export async function SiteHeader() {
  const [t, tApp, user, locale] = await Promise.all([
    getTranslations("nav"),
    getTranslations("app"),
    currentUser(),
    getLocale(),
  ]);
  const links = [
    { href: "/", label: t("home") },
    { href: "/recharge", label: t("recharge") },
    ...(user
      ? [
          { href: "/orders", label: t("orders") },
          { href: "/ledger", label: t("ledger") },
          { href: "/redeem", label: t("redeem") },
          { href: "/account", label: t("account") },
        ]
      : []),
    ...(isAdmin(user) ? [{ href: "/admin", label: t("admin") }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-1 px-4 pt-2 pb-1 sm:gap-x-4 sm:py-3">
        <Link href="/" className="shrink-0 rounded text-base font-semibold text-brand-700 sm:text-lg">
          {tApp("name")}
        </Link>
        {/* Its own row on phones (scrolls sideways rather than overflow the page); inline from sm up. */}
        <nav
          aria-label={t("mainNavigation")}
          className="order-last -mx-2 flex w-[calc(100%+1rem)] items-center gap-1 overflow-x-auto text-sm sm:order-none sm:mx-0 sm:w-auto sm:flex-1"
        >
          {links.map((link) => (
            <Link key={link.href} href={link.href} className={navLink}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-1 text-sm sm:gap-3">
          {user && (
            <Link
              href="/ledger"
              className="flex items-center gap-1 rounded-full bg-brand-50 px-2 py-1 font-medium whitespace-nowrap text-brand-800 hover:bg-brand-100 sm:gap-1.5 sm:px-3"
              data-testid="header-balance"
            >
              <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5 shrink-0 sm:size-4">
                <circle cx="8" cy="8" r="7" fill="currentColor" opacity="0.2" />
                <circle cx="8" cy="8" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              </svg>
              {/* The word is dropped on phones to keep one row; screen readers still hear it. */}
              <span className="sr-only sm:not-sr-only">{t("balance")}:</span>
              <span className="tabular-nums">{user.balance.toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}</span>
            </Link>
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
                className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
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
