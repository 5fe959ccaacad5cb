import type { ReactNode } from "react";

/** A titled panel; the heading names the region for screen readers. */
export function Section({
  id,
  title,
  actions,
  children,
  padded = true,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  padded?: boolean;
}) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      <div className={padded ? "p-4" : undefined}>{children}</div>
    </section>
  );
}
