"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import type { Provider } from "@/components/recharge/api";
import type { CreateOrderFailure } from "@/components/recharge/create-order-failure";
import { PackageOption } from "@/components/recharge/package-option";
import { ProviderOption } from "@/components/recharge/provider-option";
import { useCreateOrder } from "@/components/recharge/use-create-order";

// Everything below is translated by the server (recharge-form-props.tsx): the form ships no i18n runtime.

export interface PackageChoice {
  id: string;
  /** The card's content: name, price, credits, bonus. */
  details: ReactNode;
  name: string;
  price: string;
  credits: string;
  payLabel: string;
}

export interface ProviderChoice {
  provider: Provider;
  name: string;
  sandbox: boolean;
  qrHint: string;
  phoneHint: string;
  failures: Record<CreateOrderFailure, string>;
}

export interface RechargeFormText {
  packageLegend: string;
  methodLegend: string;
  noProviders: string;
  sandbox: string;
  sandboxHint: string;
  summaryTitle: string;
  summaryPackage: string;
  summaryCredits: string;
  total: string;
  creating: string;
  opening: string;
}

export interface RechargeFormProps {
  packages: PackageChoice[];
  providers: ProviderChoice[];
  text: RechargeFormText;
  initialPackageId: string;
}

/** Package and method choice, the total, and the button that creates the order. */
export function RechargeForm({ packages, providers, text, initialPackageId }: RechargeFormProps) {
  const [packageId, setPackageId] = useState(initialPackageId);
  const [provider, setProvider] = useState<Provider | undefined>(providers[0]?.provider);
  const purchase = useCreateOrder();
  const selected = packages.find((pkg) => pkg.id === packageId) ?? packages[0];
  const method = providers.find((option) => option.provider === provider);

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
  const buttonLabel = purchase.isOpening
    ? text.opening
    : purchase.isPending
      ? text.creating
      : (selected?.payLabel ?? "");

  return (
    <form onSubmit={onSubmit} noValidate className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <fieldset disabled={purchase.busy}>
          <legend className="mb-4 text-lg font-semibold">{text.packageLegend}</legend>
          <div className="grid grid-cols-2 gap-3 pt-1 sm:gap-4">
            {packages.map((pkg) => (
              <PackageOption key={pkg.id} id={pkg.id} checked={pkg.id === selected?.id} onChoose={choosePackage}>
                {pkg.details}
              </PackageOption>
            ))}
          </div>
        </fieldset>

        <fieldset disabled={purchase.busy}>
          <legend className="mb-3 text-lg font-semibold">{text.methodLegend}</legend>
          {providers.length === 0 ? (
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
              {text.noProviders}
            </p>
          ) : (
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              {providers.map((option) => (
                <ProviderOption
                  key={option.provider}
                  provider={option.provider}
                  name={option.name}
                  sandboxTag={option.sandbox ? text.sandbox : undefined}
                  checked={option.provider === provider}
                  onChoose={chooseProvider}
                />
              ))}
            </div>
          )}
          {hasSandbox && <p className="mt-2 text-sm text-slate-600">{text.sandboxHint}</p>}
        </fieldset>
      </div>

      <section
        aria-labelledby="summary-title"
        className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm lg:sticky lg:top-4"
      >
        <h2 id="summary-title" className="text-lg font-semibold">
          {text.summaryTitle}
        </h2>
        {selected && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{text.summaryPackage}</dt>
            <dd className="text-right font-medium">{selected.name}</dd>
            <dt className="text-slate-600">{text.summaryCredits}</dt>
            <dd className="text-right font-medium">{selected.credits}</dd>
            {method && (
              <>
                <dt className="text-slate-600">{text.methodLegend}</dt>
                <dd className="text-right font-medium">{method.name}</dd>
              </>
            )}
          </dl>
        )}
        {selected && (
          <p className="flex items-baseline justify-between gap-4 border-t border-slate-200 pt-3">
            <span className="font-medium text-slate-900">{text.total}</span>
            <span className="text-3xl font-bold tracking-tight" data-testid="recharge-total">
              {selected.price}
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
        {method && (
          <p className="text-sm text-slate-600">
            {/* Which hint applies is a CSS question, the same one the client asks before ordering. */}
            <span className="[@media(max-width:767px)_and_(pointer:coarse)]:hidden">{method.qrHint}</span>
            <span className="hidden [@media(max-width:767px)_and_(pointer:coarse)]:inline">{method.phoneHint}</span>
          </p>
        )}
        {/* An alert: announced when it appears. */}
        {purchase.failure && method && <FormAlert>{method.failures[purchase.failure]}</FormAlert>}
      </section>
    </form>
  );
}
