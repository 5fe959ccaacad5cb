import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** A grey placeholder block while a page's data loads (decorative; the page says "loading" once). */
export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none ${className}`}
    />
  );
}

/** A page's stand-in while it loads: says "loading" once to screen readers; `children` are the blocks. */
export async function LoadingRegion({ className, children }: { className: string; children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className={className}>
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      {children}
    </div>
  );
}
