import { useTranslations } from "next-intl";
import type { Ref } from "react";
import type { OrderState } from "@/components/orders/order-state";

const tone: Record<OrderState, string> = {
  waiting: "text-slate-900",
  paid: "text-brand-700",
  late: "text-brand-700",
  expired: "text-amber-800",
  cancelled: "text-slate-700",
  failed: "text-red-700",
  refunded: "text-slate-700",
  partiallyRefunded: "text-slate-700",
};

interface StatusHeadlineProps {
  state: OrderState;
  body: string;
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * The order's state in words. A polite live region: a screen reader hears the change
 * (paid, expired, …) when it happens, without moving focus.
 */
export function StatusHeadline({ state, body, headingRef }: StatusHeadlineProps) {
  const t = useTranslations("order.headline");
  return (
    <div aria-live="polite" aria-atomic="true" className="flex flex-col gap-1" data-testid="order-status">
      <h2
        ref={headingRef}
        tabIndex={-1}
        id="pay-status"
        className={`text-xl font-bold focus:outline-none sm:text-2xl ${tone[state]}`}
        data-state={state}
      >
        {t(state)}
      </h2>
      <p className="text-slate-600">{body}</p>
    </div>
  );
}
