import type { Provider } from "@/components/recharge/api";
import { ProviderMark } from "@/components/recharge/provider-mark";

interface ProviderOptionProps {
  provider: Provider;
  name: string;
  /** Shown for test configs only. */
  sandboxTag?: string;
  checked: boolean;
  onChoose: (provider: Provider) => void;
}

/** One payment method as a radio button, with its mark and a "sandbox" tag for test configs. */
export function ProviderOption({ provider, name, sandboxTag, checked, onChoose }: ProviderOptionProps) {
  return (
    <label
      className="relative flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm transition has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 hover:border-brand-600"
      data-testid={`provider-${provider}`}
    >
      <input
        type="radio"
        name="provider"
        value={provider}
        checked={checked}
        onChange={() => onChoose(provider)}
        className="absolute inset-0 z-10 size-full cursor-pointer appearance-none rounded-xl opacity-0"
      />
      <ProviderMark provider={provider} />
      <span className="font-medium text-slate-900">{name}</span>
      {sandboxTag && (
        <span className="ml-auto rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
          {sandboxTag}
        </span>
      )}
    </label>
  );
}
