import { useTranslations } from "next-intl";
import type { OrderState } from "@/components/orders/order-state";

const style: Record<OrderState, string> = {
  waiting: "bg-sky-100 text-sky-900",
  paid: "bg-brand-100 text-brand-800",
  late: "bg-brand-100 text-brand-800",
  expired: "bg-slate-200 text-slate-800",
  cancelled: "bg-slate-200 text-slate-800",
  failed: "bg-red-100 text-red-800",
  refunded: "bg-amber-100 text-amber-900",
  partiallyRefunded: "bg-amber-100 text-amber-900",
};

/** An order's state as a coloured pill; the word carries the meaning, the colour only helps. */
export function StatusBadge({ state }: { state: OrderState }) {
  const t = useTranslations("status");
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${style[state]}`}>
      {t(state)}
    </span>
  );
}
