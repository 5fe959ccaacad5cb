import { getTranslations } from "next-intl/server";
import { PackageDetails } from "@/components/package-card";
import type { RechargeFormProps } from "@/components/recharge/recharge-form";
import { formatFen } from "@/lib/format/money";
import type { PackageView } from "@/lib/packages/list-active-packages";
import type { AvailableProvider } from "@/lib/payment-configs/available-providers";

/**
 * The recharge form's content, translated here on the server: every package and method the
 * form can show is known up front, so the form gets finished words and ships no i18n runtime.
 */
export async function rechargeFormProps(
  packages: PackageView[],
  providers: AvailableProvider[],
): Promise<Omit<RechargeFormProps, "initialPackageId">> {
  const [t, tCommon, tProvider] = await Promise.all([
    getTranslations("recharge"),
    getTranslations("common"),
    getTranslations("providers"),
  ]);
  return {
    packages: packages.map((pkg) => ({
      id: pkg.id,
      details: <PackageDetails pkg={pkg} />,
      name: pkg.name,
      price: formatFen(pkg.priceFen),
      credits:
        pkg.bonusCredits > 0
          ? t("creditsWithBonus", { total: pkg.totalCredits, base: pkg.credits, bonus: pkg.bonusCredits })
          : tCommon("credits", { count: pkg.totalCredits }),
      payLabel: t("pay", { amount: formatFen(pkg.priceFen) }),
    })),
    providers: providers.map(({ provider, sandbox }) => {
      const values = { provider: tProvider(provider) };
      return {
        provider,
        name: values.provider,
        sandbox,
        qrHint: t("qrHint", values),
        phoneHint: t("phoneHint", values),
        failures: {
          provider_unavailable: t("errors.provider_unavailable", values),
          package_not_found: t("errors.package_not_found", values),
          rate_limited: t("errors.rate_limited", values),
          sign_in_required: t("errors.sign_in_required", values),
          network: t("errors.network", values),
          unknown: t("errors.unknown", values),
        },
      };
    }),
    text: {
      packageLegend: t("packageLegend"),
      methodLegend: t("methodLegend"),
      noProviders: t("noProviders"),
      sandbox: t("sandbox"),
      sandboxHint: t("sandboxHint"),
      summaryTitle: t("summaryTitle"),
      summaryPackage: t("summaryPackage"),
      summaryCredits: t("summaryCredits"),
      total: t("total"),
      creating: t("creating"),
      opening: t("opening"),
    },
  };
}
