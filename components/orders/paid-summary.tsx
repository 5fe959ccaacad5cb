"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Counts from `from` up to `target` (eased, under a second); `from` null shows the target at once. */
function useCountUp(target: number, from: number | null): number {
  const [shown, setShown] = useState(from ?? target);
  useEffect(() => {
    if (from === null) return;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const start = performance.now();
    let frame = requestAnimationFrame(function step(time) {
      const progress = reduceMotion ? 1 : Math.min(1, (time - start) / 900);
      setShown(Math.round(from + (target - from) * (1 - (1 - progress) ** 3)));
      if (progress < 1) frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [from, target]);
  return from === null ? target : shown;
}

interface PaidSummaryProps {
  credits: number;
  balance: number;
  /** The payment landed while this page was open: celebrate it. */
  justPaid: boolean;
}

/** Credits added and the new balance; both count up when the payment has just landed. */
export function PaidSummary({ credits, balance, justPaid }: PaidSummaryProps) {
  const t = useTranslations("order");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const added = useCountUp(credits, justPaid ? 0 : null);
  const shownBalance = useCountUp(balance, justPaid ? Math.max(0, balance - credits) : null);
  return (
    <div className="flex w-full flex-col items-center gap-4">
      <svg
        viewBox="0 0 48 48"
        aria-hidden="true"
        className="size-16 text-brand-700 transition duration-500 ease-out motion-reduce:transition-none starting:scale-50 starting:opacity-0"
      >
        <circle cx="24" cy="24" r="22" fill="currentColor" />
        <path d="m14 25 7 7 13-15" fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
      </svg>
      <dl className="grid w-full max-w-sm grid-cols-2 gap-3 text-center">
        <div className="rounded-xl bg-brand-50 p-3">
          <dt className="text-sm text-slate-700">{t("creditsAdded")}</dt>
          <dd className="text-2xl font-bold text-brand-800 tabular-nums" data-testid="paid-credits">
            +{format.number(added)}
          </dd>
        </div>
        <div className="rounded-xl bg-slate-50 p-3">
          <dt className="text-sm text-slate-700">{t("newBalance")}</dt>
          <dd className="text-2xl font-bold text-slate-900 tabular-nums" data-testid="paid-balance">
            {tCommon("credits", { count: shownBalance })}
          </dd>
        </div>
      </dl>
    </div>
  );
}
