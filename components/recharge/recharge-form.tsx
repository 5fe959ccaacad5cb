"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { AlipayInWechatGuide, type AlipayInWechatText } from "@/components/recharge/alipay-in-wechat-guide";
import type { Provider } from "@/components/recharge/api";
import type { CreateOrderFailure } from "@/components/recharge/create-order-failure";
import { PackageOption } from "@/components/recharge/package-option";
import { ProviderOption } from "@/components/recharge/provider-option";
import { useCreateOrder } from "@/components/recharge/use-create-order";
import { usePhone } from "@/components/recharge/use-phone";
import { chooseChannel, type Browser, type PayChannel } from "@/lib/recharge/choose-channel";

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
  /** What a computer gets: a QR code, or the provider's website cashier (Alipay page.pay). */
  desktop: "QR" | "PAGE";
  /** What happens next, per channel. */
  hints: Record<PayChannel, string>;
  /** How this provider's payment reaches the payer, per channel. */
  ways: Record<PayChannel, string>;
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
  wayLabel: string;
  qrForAnotherPhone: string;
  alipayInWechat: AlipayInWechatText;
}

export interface RechargeFormProps {
  packages: PackageChoice[];
  providers: ProviderChoice[];
  text: RechargeFormText;
  initialPackageId: string;
  /** The in-app browser the page was opened in (from the user agent). */
  browser: Browser;
}

/** Package and method choice, the total, and the button that creates the order. */
export function RechargeForm({ packages, providers, text, initialPackageId, browser }: RechargeFormProps) {
  const [packageId, setPackageId] = useState(initialPackageId);
  // Inside WeChat, WeChat Pay is the method that works: offer it first.
  const [provider, setProvider] = useState<Provider | undefined>(
    (browser === "WECHAT" && providers.find((option) => option.provider === "WECHAT")?.provider) ||
      providers[0]?.provider,
  );
  const [qrForAnotherPhone, setQrForAnotherPhone] = useState(false);
  const phone = usePhone();
  const purchase = useCreateOrder();
  const selected = packages.find((pkg) => pkg.id === packageId) ?? packages[0];
  const method = providers.find((option) => option.provider === provider);
  const choice = provider
    ? chooseChannel({ provider, browser, phone, qrForAnotherPhone, alipayDesktop: method?.desktop })
    : null;
  const channel = choice && "channel" in choice ? choice.channel : null;
  const canPayWithWechat = providers.some((option) => option.provider === "WECHAT");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selected || !provider || !channel) return;
    const openProviderPage = browser === "ALIPAY" && provider === "ALIPAY" && channel === "H5";
    purchase.create({ packageId: selected.id, provider, channel, openProviderPage });
  }
  function chooseQr(next: boolean) {
    setQrForAnotherPhone(next);
    purchase.newAttempt();
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
            {method && channel && (
              <>
                <dt className="text-slate-600">{text.wayLabel}</dt>
                <dd className="text-right font-medium" data-testid="pay-way" data-channel={channel}>
                  {method.ways[channel]}
                </dd>
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
        {choice && "blocked" in choice && (
          <AlipayInWechatGuide
            text={text.alipayInWechat}
            onPayWithWechat={canPayWithWechat ? () => chooseProvider("WECHAT") : undefined}
          />
        )}
        {/* Where the QR is not already the way: pay from another phone instead. */}
        {(browser !== "OTHER" || phone || qrForAnotherPhone) && (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={qrForAnotherPhone}
              onChange={(event) => chooseQr(event.target.checked)}
              disabled={purchase.busy}
              className="size-4 accent-brand-700"
              data-testid="qr-for-another-phone"
            />
            {text.qrForAnotherPhone}
          </label>
        )}
        <button
          type="submit"
          disabled={!provider || !channel || purchase.busy}
          className="rounded-lg bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60"
          data-testid="create-order"
        >
          {buttonLabel}
        </button>
        {method && channel && <p className="text-sm text-slate-600">{method.hints[channel]}</p>}
        {/* An alert: announced when it appears. */}
        {purchase.failure && method && <FormAlert>{method.failures[purchase.failure]}</FormAlert>}
      </section>
    </form>
  );
}
