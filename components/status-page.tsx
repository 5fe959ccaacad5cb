import type { ReactNode } from "react";

export function StatusPage({ title, body, action }: { title: string; body: string; action: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 rounded-2xl bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-600">{body}</p>
      {action}
    </div>
  );
}
