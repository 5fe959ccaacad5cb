import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatFen } from "@/lib/format/money";
import type { PackageView } from "@/lib/packages/list-active-packages";

interface PackageDetailsProps {
  pkg: PackageView;
  /** Replaces the plain name, e.g. with a heading. */
  title?: ReactNode;
}

/**
 * A package's price, credits, bonus and "best value" marker. Phrasing content only, so it
 * also fits inside a <label> (the recharge page's selectable cards).
 */
export function PackageDetails({ pkg, title }: PackageDetailsProps) {
  const t = useTranslations("home");
  const tCommon = useTranslations("common");
  return (
    <>
      {pkg.bestValue && (
        <span className="absolute -top-3 right-4 rounded-full bg-brand-700 px-2.5 py-0.5 text-xs font-semibold text-white">
          {t("bestValue")}
        </span>
      )}
      {title ?? <span className="block text-base font-medium text-slate-700">{pkg.name}</span>}
      <span className="block text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        {formatFen(pkg.priceFen)}
      </span>
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
        <span>{tCommon("credits", { count: pkg.credits })}</span>
        {pkg.bonusCredits > 0 && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-sm font-medium text-amber-900">
            {t("bonus", { count: pkg.bonusCredits })}
          </span>
        )}
      </span>
    </>
  );
}

/** A package on the home page; the whole card opens the recharge page with it chosen. */
export function PackageCard({ pkg, href }: { pkg: PackageView; href: string }) {
  const t = useTranslations("home");
  return (
    <article
      className={`relative flex flex-col gap-2 rounded-xl border bg-white p-5 shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md ${
        pkg.bestValue ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"
      }`}
      data-testid="package-card"
    >
      <PackageDetails pkg={pkg} title={<h3 className="text-base font-medium text-slate-700">{pkg.name}</h3>} />
      <Link
        href={href}
        className="mt-2 self-start rounded-md text-sm font-semibold text-brand-700 after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
      >
        {t("buy")}
        <span className="sr-only"> {pkg.name}</span>
        <span aria-hidden="true"> →</span>
      </Link>
    </article>
  );
}
