"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ApiError, checkOrder, type ProviderState } from "@/components/recharge/api";
import { storeOrder } from "@/components/orders/use-order-status";
import type { OrderView } from "@/lib/recharge/order-view";

type Outcome = ProviderState | "recent" | "rate_limited" | "error";

/** "I have paid": asks the provider now and says what it answered. */
export function CheckButton({ order }: { order: Pick<OrderView, "orderNo" | "provider"> }) {
  const t = useTranslations("order");
  const tProvider = useTranslations("providers");
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: () => checkOrder(order.orderNo),
    onSuccess: (answer) => storeOrder(queryClient, answer.order),
  });

  let outcome: Outcome | null = null;
  if (check.isSuccess) outcome = check.data.providerState ?? "recent";
  else if (check.isError)
    outcome = check.error instanceof ApiError && check.error.status === 429 ? "rate_limited" : "error";

  return (
    <div className="flex flex-col items-center gap-2">
      <button
        type="button"
        onClick={() => check.mutate()}
        disabled={check.isPending}
        className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {check.isPending ? t("checking") : t("checkPaid")}
      </button>
      <p role="status" className="max-w-sm text-sm text-slate-700" data-testid="check-result">
        {outcome && t(`check.${outcome}`, { provider: tProvider(order.provider) })}
      </p>
    </div>
  );
}
