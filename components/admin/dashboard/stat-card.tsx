import Link from "next/link";
import type { ReactNode } from "react";

export function StatCard({
  label,
  value,
  note,
  href,
  tone = "normal",
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  href?: string;
  tone?: "normal" | "warning";
}) {
  const body = (
    <>
      <p className="text-sm text-slate-600">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "warning" ? "text-amber-700" : ""}`}>
        {value}
      </p>
      {note && <p className="mt-1 text-xs text-slate-500">{note}</p>}
    </>
  );
  const frame = "block rounded-xl border border-slate-200 bg-white p-4";
  return href ? (
    <Link href={href} className={`${frame} hover:border-brand-600`}>
      {body}
    </Link>
  ) : (
    <div className={frame}>{body}</div>
  );
}
