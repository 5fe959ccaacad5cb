import Link from "next/link";
import { Th } from "@/components/admin/table";
import { pageHref } from "@/components/admin/pagination";

/** A column header that sorts the list by itself; says which way it is sorted now. */
export function SortHeader({
  column,
  label,
  params,
  className,
}: {
  column: "createdAt" | "amount" | "paidAt";
  label: string;
  params: Record<string, string>;
  className?: string;
}) {
  const current = (params.sort ?? "createdAt") === column;
  const dir = params.dir === "asc" ? "asc" : "desc";
  const next = current && dir === "desc" ? "asc" : "desc";
  return (
    <Th aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : undefined} className={className}>
      <Link
        href={pageHref("/admin/transactions", params, { sort: column, dir: next, page: undefined })}
        className="inline-flex items-center gap-1 hover:text-slate-900"
      >
        {label}
        <span aria-hidden="true">{current ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </Th>
  );
}
