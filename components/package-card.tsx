import { getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/format/money";
import type { PackageView } from "@/lib/packages/list-active-packages";

export async function PackageCard({ pkg }: { pkg: PackageView }) {
  const t = await getTranslations("home");
  return (
    <article
      className={`relative flex flex-col gap-2 rounded-xl border bg-white p-5 shadow-sm ${
        pkg.bestValue ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"
      }`}
      data-testid="package-card"
    >
      {pkg.bestValue && (
        <span className="absolute -top-3 right-4 rounded-full bg-brand-600 px-2.5 py-0.5 text-xs font-semibold text-white">
          {t("bestValue")}
        </span>
      )}
      <h3 className="text-base font-medium text-slate-700">{pkg.name}</h3>
      <p className="text-3xl font-bold tracking-tight text-slate-900">{formatFen(pkg.priceFen)}</p>
      <p className="text-slate-700">
        {t("credits", { count: pkg.credits })}
        {pkg.bonusCredits > 0 && (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-sm font-medium text-amber-900">
            {t("bonus", { count: pkg.bonusCredits })}
          </span>
        )}
      </p>
    </article>
  );
}
