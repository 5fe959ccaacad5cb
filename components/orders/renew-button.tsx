"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/auth/form-alert";
import type { Channel, Provider } from "@/components/recharge/api";
import { preferredChannel, renewalChannel } from "@/components/recharge/purchase";
import { useCreateOrder } from "@/components/recharge/use-create-order";

interface RenewButtonProps {
  packageId: string;
  provider: Provider;
  /** The expired order's channel: see renewalChannel. */
  channel: Channel;
  label: string;
}

/** A fresh order for the same package and method (a new code), in one click. */
export function RenewButton({ packageId, provider, channel, label }: RenewButtonProps) {
  const t = useTranslations("recharge");
  const tProvider = useTranslations("providers");
  const purchase = useCreateOrder();
  return (
    <div className="flex w-full flex-col items-center gap-3">
      <button
        type="button"
        onClick={() => purchase.create({ packageId, provider, channel: renewalChannel(channel, preferredChannel()) })}
        disabled={purchase.busy}
        className="rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {purchase.isOpening ? t("opening") : purchase.isPending ? t("creating") : label}
      </button>
      {purchase.failure && (
        <div className="w-full max-w-sm text-left">
          <FormAlert>{t(`errors.${purchase.failure}`, { provider: tProvider(provider) })}</FormAlert>
        </div>
      )}
    </div>
  );
}
