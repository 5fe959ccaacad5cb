import { useTranslations } from "next-intl";
import { formatRemaining } from "@/components/orders/order-state";

/** Time left to pay. A timer role, which screen readers do not read out on every tick. */
export function Countdown({ expiresAt, now }: { expiresAt: string; now: number }) {
  const t = useTranslations("order");
  const urgent = Date.parse(expiresAt) - now < 60_000;
  return (
    <p
      role="timer"
      className={`rounded-full px-3 py-1 text-sm font-medium tabular-nums ${
        urgent ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"
      }`}
      data-testid="countdown"
    >
      {t("expiresIn", { time: formatRemaining(expiresAt, now) })}
    </p>
  );
}
