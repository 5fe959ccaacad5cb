import Link from "next/link";
import { useTranslations } from "next-intl";

export function pageHref(
  basePath: string,
  params: Record<string, string>,
  changes: Record<string, string | undefined>,
) {
  const query = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/** Where a paged result stands: what every admin list query returns next to its rows. */
interface PageOf {
  page: number;
  pageSize: number;
  total: number;
}

/** Previous / next links that keep the current filters. */
export function Pagination({
  basePath,
  params,
  of: { page, pageSize, total },
  pageParam = "page",
}: {
  basePath: string;
  params: Record<string, string>;
  of: PageOf;
  pageParam?: string;
}) {
  const t = useTranslations("console.pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-400";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
      <span className="text-slate-600">{t("summary", { page: Math.min(page, pages), pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={pageHref(basePath, params, { [pageParam]: String(page - 1) })}>
            {t("previous")}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {t("previous")}
          </span>
        )}
        {page < pages ? (
          <Link className={link} href={pageHref(basePath, params, { [pageParam]: String(page + 1) })}>
            {t("next")}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {t("next")}
          </span>
        )}
      </span>
    </nav>
  );
}
