"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { Provider } from "@/components/recharge/api";
import { CreateOrderError } from "@/components/recharge/create-order-error";
import { PackageOption } from "@/components/recharge/package-option";
import { ProviderOption } from "@/components/recharge/provider-option";
import { useCreateOrder } from "@/components/recharge/use-create-order";
import { formatFen } from "@/lib/format/money";
import type { PackageView } from "@/lib/packages/list-active-packages";
import type { AvailableProvider } from "@/lib/payment-configs/available-providers";

interface RechargeFormProps {
  packages: PackageView[];
  providers: AvailableProvider[];
  initialPackageId: string;
}

/** Package and method choice, the total, and the button that creates the order. */
export function RechargeForm({ packages, providers, initialPackageId }: RechargeFormProps) {
  const t = useTranslations("recharge");
  const tCommon = useTranslations("common");
  const tProvider = useTranslations("providers");
  const [packageId, setPackageId] = useState(initialPackageId);
  const [provider, setProvider] = useState<Provider | undefined>(providers[0]?.provider);
  const purchase = useCreateOrder();
  const selected = packages.find((pkg) => pkg.id === packageId) ?? packages[0];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected && provider) purchase.create({ packageId: selected.id, provider });
  }

  // Another package or method is another purchase: it gets its own order.
  function choosePackage(id: string) {
    setPackageId(id);
    purchase.newAttempt();
  }
  function chooseProvider(next: Provider) {
    setProvider(next);
    purchase.newAttempt();
  }

  const hasSandbox = providers.some((option) => option.sandbox);
  const buttonLabel = purchase.isSuccess
    ? t("opening")
    : purchase.isPending
      ? t("creating")
      : t("pay", { amount: selected ? formatFen(selected.priceFen) : "" });

  return (
    <form onSubmit={onSubmit} noValidate className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <fieldset disabled={purchase.busy}>
          <legend className="mb-4 text-lg font-semibold">{t("packageLegend")}</legend>
          <div className="grid grid-cols-2 gap-3 pt-1 sm:gap-4">
            {packages.map((pkg) => (
              <PackageOption key={pkg.id} pkg={pkg} checked={pkg.id === selected?.id} onChoose={choosePackage} />
            ))}
          </div>
        </fieldset>

        <fieldset disabled={purchase.busy}>
          <legend className="mb-3 text-lg font-semibold">{t("methodLegend")}</legend>
          {providers.length === 0 ? (
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
              {t("noProviders")}
            </p>
          ) : (
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              {providers.map((option) => (
                <ProviderOption
                  key={option.provider}
                  provider={option.provider}
                  sandbox={option.sandbox}
                  checked={option.provider === provider}
                  onChoose={chooseProvider}
                />
              ))}
            </div>
          )}
          {hasSandbox && <p className="mt-2 text-sm text-slate-600">{t("sandboxHint")}</p>}
        </fieldset>
      </div>

      <section
        aria-labelledby="summary-title"
        className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm lg:sticky lg:top-4"
      >
        <h2 id="summary-title" className="text-lg font-semibold">
          {t("summaryTitle")}
        </h2>
        {selected && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("summaryPackage")}</dt>
            <dd className="text-right font-medium">{selected.name}</dd>
            <dt className="text-slate-600">{t("summaryCredits")}</dt>
            <dd className="text-right font-medium">
              {selected.bonusCredits > 0
                ? t("creditsWithBonus", {
                    total: selected.totalCredits,
                    base: selected.credits,
                    bonus: selected.bonusCredits,
                  })
                : tCommon("credits", { count: selected.totalCredits })}
            </dd>
            {provider && (
              <>
                <dt className="text-slate-600">{t("methodLegend")}</dt>
                <dd className="text-right font-medium">{tProvider(provider)}</dd>
              </>
            )}
          </dl>
        )}
        {selected && (
          <p className="flex items-baseline justify-between gap-4 border-t border-slate-200 pt-3">
            <span className="font-medium text-slate-900">{t("total")}</span>
            <span className="text-3xl font-bold tracking-tight" data-testid="recharge-total">
              {formatFen(selected.priceFen)}
            </span>
          </p>
        )}
        <button
          type="submit"
          disabled={!provider || purchase.busy}
          className="rounded-lg bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60"
          data-testid="create-order"
        >
          {buttonLabel}
        </button>
        {provider && (
          <p className="text-sm text-slate-600">
            {/* Which hint applies is a CSS question, the same one the client asks before ordering. */}
            <span className="[@media(max-width:767px)_and_(pointer:coarse)]:hidden">
              {t("qrHint", { provider: tProvider(provider) })}
            </span>
            <span className="hidden [@media(max-width:767px)_and_(pointer:coarse)]:inline">
              {t("phoneHint", { provider: tProvider(provider) })}
            </span>
          </p>
        )}
        {/* An alert: announced when it appears. */}
        {purchase.error && provider && <CreateOrderError error={purchase.error} provider={provider} />}
      </section>
    </form>
  );
}
