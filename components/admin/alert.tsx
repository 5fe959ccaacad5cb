import type { ReactNode } from "react";

const tones = {
  error: "border-red-300 bg-red-50 text-red-800",
  success: "border-brand-100 bg-brand-50 text-brand-800",
  info: "border-slate-200 bg-slate-50 text-slate-700",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
};

/** A message box; errors are announced at once, other tones politely. */
export function Alert({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
