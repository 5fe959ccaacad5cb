import Link from "next/link";

// Where an action's target lives in the console, by the action's domain.
const targetPages: Record<string, string> = {
  payment_config: "/admin/payment-configs/",
  order: "/admin/transactions/",
  user: "/admin/users/",
  package: "/admin/packages/",
};

export function AuditTarget({ action, target }: { action: string; target: string | null }) {
  if (!target) return <span className="text-slate-400">—</span>;
  const page = targetPages[action.split(".")[0] ?? ""];
  if (!page || target === "packages") return <span className="font-mono text-xs break-all">{target}</span>;
  return (
    <Link
      href={`${page}${encodeURIComponent(target)}`}
      className="font-mono text-xs break-all text-brand-700 hover:underline"
    >
      {target}
    </Link>
  );
}
