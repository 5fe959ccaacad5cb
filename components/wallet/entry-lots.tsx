import { getFormatter, getTranslations } from "next-intl/server";
import type { EntryLotView } from "@/lib/wallet/list-entry-lots";

/** Under a history entry: which category of credits it moved, from or into which lots, and when those expire. */
export async function EntryLots({ lots }: { lots: EntryLotView[] }) {
  if (!lots.length) return null;
  const [t, format] = await Promise.all([getTranslations("wallet"), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-xs text-slate-700" data-testid="entry-lots">
      {lots.map((lot, index) => (
        <li key={index} className="flex flex-wrap items-center gap-x-1.5">
          <span
            className={`rounded px-1.5 py-0.5 font-medium ${
              lot.category === "PAID" ? "bg-sky-50 text-sky-800" : "bg-amber-50 text-amber-900"
            }`}
          >
            {t(`category.${lot.category}`)}
          </span>
          <span className="tabular-nums">{format.number(lot.amount)}</span>
          <span className="text-slate-500">
            · {t("lot", { date: day(lot.lotCreatedAt) })} ·{" "}
            {lot.expiresAt ? t("expires", { date: day(lot.expiresAt) }) : t("neverExpires")}
          </span>
        </li>
      ))}
    </ul>
  );
}
