import type { ReactNode } from "react";

/** The sandbox plays the provider's app on a phone: no site header, phone-sized. */
export default function SandboxLayout({ children }: { children: ReactNode }) {
  return <main className="min-h-screen bg-slate-100 px-3 py-6">{children}</main>;
}
