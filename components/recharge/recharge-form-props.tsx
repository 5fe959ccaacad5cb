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
): Promise<Omit<RechargeFormProps, "initialPackageId" | "browser">> {
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
    providers: providers.map(({ provider, sandbox, desktop }) => {
      const values = { provider: tProvider(provider) };
      return {
        provider,
        name: values.provider,
        sandbox,
        desktop,
        hints: {
          QR: t("qrHint", values),
          H5: t("phoneHint", values),
          JSAPI: t("jsapiHint", values),
          PAGE: t("pageHint", values),
        },
        ways: {
          QR: t("ways.QR", values),
          H5: t("ways.H5", values),
          JSAPI: t("ways.JSAPI", values),
          PAGE: t("ways.PAGE", values),
        },
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
      wayLabel: t("wayLabel"),
      qrForAnotherPhone: t("qrForAnotherPhone"),
      alipayInWechat: {
        title: t("alipayInWechat.title"),
        steps: t("alipayInWechat.steps"),
        imageAlt: t("alipayInWechat.imageAlt"),
        payWithWechat: t("alipayInWechat.payWithWechat"),
      },
    },
  };
}
