"use client";

import { useTranslations } from "next-intl";
import { QRCodeCanvas } from "qrcode.react";
import { providerColor, ProviderMark } from "@/components/recharge/provider-mark";
import { formatFen } from "@/lib/format/money";
import type { OrderView } from "@/lib/recharge/order-view";

/** The payment code as a QR in the provider's colours, to scan with the provider's phone app. */
export function QrCodePanel({ order }: { order: OrderView }) {
  const t = useTranslations("order");
  const tProvider = useTranslations("providers");
  if (!order.payUrl) return null;
  const provider = tProvider(order.provider);
  return (
    <figure className="flex flex-col items-center gap-3">
      <div className="rounded-2xl border-4 bg-white p-2" style={{ borderColor: providerColor[order.provider] }}>
        <QRCodeCanvas
          value={order.payUrl}
          size={224}
          level="M"
          marginSize={2}
          role="img"
          aria-label={t("qrLabel", { amount: formatFen(order.priceFen), provider })}
          className="block size-56"
          data-testid="pay-qr"
        />
      </div>
      <figcaption className="flex items-center gap-2 font-medium text-slate-800">
        <ProviderMark provider={order.provider} size={24} />
        {provider}
      </figcaption>
    </figure>
  );
}
