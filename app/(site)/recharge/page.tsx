import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { RechargeForm } from "@/components/recharge/recharge-form";
import { rechargeFormProps } from "@/components/recharge/recharge-form-props";
import { requirePageUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/config";
import { listActivePackages } from "@/lib/packages/list-active-packages";
import { availableProviders } from "@/lib/payment-configs/available-providers";
import { browserOf } from "@/lib/recharge/choose-channel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recharge"))("title") };
}

export default async function RechargePage({ searchParams }: { searchParams: Promise<{ package?: string }> }) {
  const wanted = (await searchParams).package;
  await requirePageUser(wanted ? `/recharge?package=${encodeURIComponent(wanted)}` : "/recharge");
  const [t, locale, providers] = await Promise.all([getTranslations("recharge"), getLocale(), availableProviders()]);
  const packages = await listActivePackages(isLocale(locale) ? locale : "zh");
  // A package chosen on the home page, else the first one: the total is never empty.
  const initial = packages.find((pkg) => pkg.id === wanted) ?? packages[0];
  const browser = browserOf((await headers()).get("user-agent"));
  const form = initial
    ? { ...(await rechargeFormProps(packages, providers)), initialPackageId: initial.id, browser }
    : null;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      {form ? (
        <RechargeForm {...form} />
      ) : (
        <p className="rounded-xl bg-white p-6 text-slate-600 shadow-sm">{t("noPackages")}</p>
      )}
    </div>
  );
}
