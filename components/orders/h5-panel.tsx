"use client";

import { useTranslations } from "next-intl";
import { h5Url } from "@/components/recharge/purchase";
import { ProviderMark } from "@/components/recharge/provider-mark";
import type { OrderView } from "@/lib/recharge/order-view";

// Darker than the brand colours: white text on them needs 4.5:1 contrast.
const buttonColor = { WECHAT: "#05793a", ALIPAY: "#0958d9" } as const;

/** On a phone: the provider's H5 page instead of a QR; the provider sends the phone back to this page. */
export function H5Panel({ order }: { order: OrderView }) {
  const t = useTranslations("order");
  const tProvider = useTranslations("providers");
  const payUrl = order.payUrl;
  if (!payUrl) return null;
  return (
    <button
      type="button"
      onClick={() => window.location.assign(h5Url(payUrl, order.provider, order.orderNo))}
      className="flex w-full max-w-xs items-center justify-center gap-3 rounded-xl px-5 py-4 text-lg font-semibold text-white shadow-sm hover:opacity-90"
      style={{ backgroundColor: buttonColor[order.provider] }}
      data-testid="pay-h5"
    >
      <ProviderMark provider={order.provider} size={28} />
      {t("openProvider", { provider: tProvider(order.provider) })}
    </button>
  );
}
