import { getTranslations } from "next-intl/server";

/** A grey placeholder block while a page's data loads (decorative; the page says "loading" once). */
export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none ${className}`}
    />
  );
}

/** A list page while it loads: its title, its intro and five rows. */
export async function ListPageSkeleton() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className="flex flex-col gap-5">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-5 w-64" />
      </div>
      {[0, 1, 2, 3, 4].map((n) => (
        <Skeleton key={n} className="h-20" />
      ))}
    </div>
  );
}
