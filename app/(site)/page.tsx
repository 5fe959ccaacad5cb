import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PackageCard } from "@/components/package-card";
import { ExpiryNotice } from "@/components/wallet/expiry-notice";
import { currentUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/config";
import { listActivePackages } from "@/lib/packages/list-active-packages";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [t, tNav, user, locale] = await Promise.all([
    getTranslations("home"),
    getTranslations("nav"),
    currentUser(),
    getLocale(),
  ]);
  const packages = await listActivePackages(isLocale(locale) ? locale : "zh");

  return (
    <div className="flex flex-col gap-8">
      {user ? (
        <section aria-labelledby="balance-title" className="rounded-2xl bg-brand-700 p-6 text-white shadow">
          <p className="text-sm text-brand-100">{t("welcome", { name: user.name || user.email })}</p>
          <h1 id="balance-title" className="mt-2 text-base font-medium text-brand-100">
            {t("yourBalance")}
          </h1>
          <p className="text-4xl font-bold" data-testid="balance">
            {t("credits", { count: user.balance })}
          </p>
          <div className="mt-2 empty:hidden">
            <ExpiryNotice userId={user.id} tone="dark" />
          </div>
          <Link
            href="/recharge"
            className="mt-4 inline-block rounded-lg bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 focus-visible:outline-white"
          >
            {t("rechargeNow")}
          </Link>
        </section>
      ) : (
        <section className="rounded-2xl bg-white p-6 shadow-sm">
          <h1 className="text-2xl font-bold">{t("signedOutTitle")}</h1>
          <p className="mt-2 max-w-prose text-slate-600">{t("signedOutBody")}</p>
          <div className="mt-4 flex gap-3">
            <Link
              href="/sign-up"
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              {tNav("signUp")}
            </Link>
            <Link
              href="/sign-in"
              className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50"
            >
              {tNav("signIn")}
            </Link>
          </div>
        </section>
      )}

      <section aria-labelledby="packages-title">
        <h2 id="packages-title" className="text-xl font-semibold">
          {t("packagesTitle")}
        </h2>
        <p className="mt-1 text-slate-600">{t("packagesIntro")}</p>
        {packages.length === 0 ? (
          <p className="mt-4 text-slate-600">{t("noPackages")}</p>
        ) : (
          <div className="mt-5 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {packages.map((pkg) => (
              <PackageCard key={pkg.id} pkg={pkg} href={`/recharge?package=${encodeURIComponent(pkg.id)}`} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
