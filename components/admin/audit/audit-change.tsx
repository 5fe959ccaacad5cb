import type { Prisma } from "@prisma/client";
import { JsonBlock } from "@/components/admin/json-block";
import { auditDiff } from "@/lib/audit/audit-diff";

interface Labels {
  before: string;
  after: string;
}

/** What an entry changed: a field per line, old value struck through, new one beside it. */
export function AuditChange({
  before,
  after,
  labels,
}: {
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  labels: Labels;
}) {
  const changes = auditDiff(before, after);
  if (!changes) {
    return (
      <div className="flex flex-col gap-1">
        {before !== null && <JsonBlock label={labels.before} value={before} />}
        {after !== null && <JsonBlock label={labels.after} value={after} />}
      </div>
    );
  }
  if (!changes.length) return <span className="text-slate-400">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" data-testid="audit-change">
      {changes.map((change) => (
        <div key={change.field} className="contents">
          <dt className="font-mono text-slate-600">{change.field}</dt>
          <dd className="break-all">
            {change.before !== null && (
              <del className="bg-red-50 text-red-800" aria-label={`${labels.before}: ${change.before}`}>
                {change.before}
              </del>
            )}
            {change.before !== null && change.after !== null && <span aria-hidden="true"> → </span>}
            {change.after !== null && (
              <ins className="bg-green-50 text-green-800 no-underline" aria-label={`${labels.after}: ${change.after}`}>
                {change.after}
              </ins>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
