import Link from "next/link";
import { auditTargetHref } from "@/lib/audit/audit-actions";

export function AuditTarget({ action, target }: { action: string; target: string | null }) {
  if (!target) return <span className="text-slate-400">—</span>;
  const href = auditTargetHref(action, target);
  if (!href) return <span className="font-mono text-xs break-all">{target}</span>;
  return (
    <Link href={href} className="font-mono text-xs break-all text-brand-700 hover:underline">
      {target}
    </Link>
  );
}
