import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { LedgerEntryView } from "@/lib/ledger/list-own-entries";

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

/** Every credit and debit with its reason, reference and the balance after it. */
export async function LedgerTable({ entries }: { entries: LedgerEntryView[] }) {
  const [t, format] = await Promise.all([getTranslations("ledger"), getFormatter()]);
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium sm:px-4">
              {t("entry")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium sm:px-4">
              {t("change")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium sm:px-4">
              {t("balanceAfter")}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} className="border-t border-slate-100 align-top" data-testid="ledger-row">
              <td className="px-3 py-3 sm:px-4">
                <span className="block font-medium text-slate-900">{t(`kind.${entry.kind}`)}</span>
                {entry.reason && <span className="block text-slate-700">{entry.reason}</span>}
                <span className="mt-1 block text-xs text-slate-600">
                  {format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  {entry.reference && (
                    <>
                      {" · "}
                      {t("reference")} <Reference entry={entry} />
                    </>
                  )}
                </span>
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
        </tbody>
      </table>
    </div>
  );
}
