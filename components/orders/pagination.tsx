import Link from "next/link";
import { useTranslations } from "next-intl";

interface PaginationProps {
  /** The list's path; pages are `?page=n`. */
  path: string;
  page: number;
  pageSize: number;
  total: number;
}

const linkClass = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50";

/** Previous / next links for a server-rendered list; nothing when everything fits on one page. */
export function Pagination({ path, page, pageSize, total }: PaginationProps) {
  const t = useTranslations("pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1 && page === 1) return null;
  const href = (target: number) => (target === 1 ? path : `${path}?page=${target}`);
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} className={linkClass} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600" aria-current="page">
        {t("page", { page, pages })}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
