import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ListTable } from "@/components/list-table";
import { EntryLots } from "@/components/wallet/entry-lots";
import type { LedgerEntryView } from "@/lib/ledger/list-own-entries";
import { packageNameFor } from "@/lib/packages/package-name";
import type { EntryLotView } from "@/lib/wallet/list-entry-lots";

/** Recharge entries name their order: link it, so the history leads back to the payment. */
function Reference({ entry }: { entry: LedgerEntryView }) {
  if (!entry.reference) return null;
  const text = <span className="font-mono break-all">{entry.reference}</span>;
  return entry.kind === "RECHARGE" ? (
    <Link href={`/orders/${entry.reference}`} className="text-brand-700 underline underline-offset-2">
      {text}
    </Link>
  ) : (
    text
  );
}

/** Every credit and debit with its reason, reference, the lots it touched and the balance after it. */
export async function LedgerTable({
  entries,
  lots,
}: {
  entries: LedgerEntryView[];
  /** By entry seq: the lots each entry created or drew from. */
  lots?: Map<number, EntryLotView[]>;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("ledger"), getFormatter(), getLocale()]);
  return (
    <ListTable
      columns={[
        { label: t("entry") },
        { label: t("change"), align: "right" },
        { label: t("balanceAfter"), align: "right" },
      ]}
    >
      {entries.map((entry) => (
        <tr key={entry.seq} className="border-t border-slate-100 align-top" data-testid="ledger-row">
          <td className="px-3 py-3 sm:px-4">
            <span className="block font-medium text-slate-900">{t(`kind.${entry.kind}`)}</span>
            {(entry.packageName ?? entry.reason) && (
              <span className="block text-slate-700">
                {entry.packageName ? packageNameFor(locale, entry.packageName, entry.packageNameEn) : entry.reason}
              </span>
            )}
            <span className="mt-1 block text-xs text-slate-600">
              {format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "short" })}
              {entry.reference && (
                <>
                  {" · "}
                  {t("reference")} <Reference entry={entry} />
                </>
              )}
            </span>
            <EntryLots lots={lots?.get(entry.seq) ?? []} />
          </td>
          <td
            className={`px-3 py-3 text-right font-semibold whitespace-nowrap tabular-nums sm:px-4 ${
              entry.delta > 0 ? "text-brand-700" : "text-red-700"
            }`}
          >
            {entry.delta > 0 ? "+" : "−"}
            {format.number(Math.abs(entry.delta))}
          </td>
          <td className="px-3 py-3 text-right whitespace-nowrap text-slate-900 tabular-nums sm:px-4">
            {format.number(entry.balanceAfter)}
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
