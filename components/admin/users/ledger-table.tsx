import Link from "next/link";
import { useTranslations } from "next-intl";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import type { AdminLedgerEntry } from "@/lib/admin/users/get-user-detail";
import { orderNoPattern } from "@/lib/recharge/order-no";

/** A user's ledger; references that are order numbers link to the order (refund numbers do not). */
export function LedgerTable({ entries }: { entries: AdminLedgerEntry[] }) {
  const t = useTranslations("console.users");
  const tk = useTranslations("console.ledgerKind");
  return (
    <Table caption={t("ledger")}>
      <thead>
        <tr>
          <Th>#</Th>
          <Th>{t("time")}</Th>
          <Th>{t("kind")}</Th>
          <Th className="text-right">{t("change")}</Th>
          <Th className="text-right">{t("balanceAfter")}</Th>
          <Th>{t("reference")}</Th>
          <Th>{t("reasonColumn")}</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-testid="ledger-row">
            <Td className="tabular-nums text-slate-500">{entry.seq}</Td>
            <Td>
              <Time iso={entry.createdAt} />
            </Td>
            <Td>{tk(entry.kind)}</Td>
            <Td className={`text-right tabular-nums ${entry.delta < 0 ? "text-red-700" : "text-brand-700"}`}>
              {entry.delta > 0 ? "+" : ""}
              {entry.delta}
            </Td>
            <Td className="text-right tabular-nums">{entry.balanceAfter}</Td>
            <Td className="font-mono text-xs">
              {entry.reference && orderNoPattern.test(entry.reference) ? (
                <Link href={`/admin/transactions/${entry.reference}`} className="text-brand-700 hover:underline">
                  {entry.reference}
                </Link>
              ) : (
                (entry.reference ?? "—")
              )}
            </Td>
            <Td className="text-xs">
              {entry.reason ?? "—"}
              {entry.actorEmail && <span className="block text-slate-500">{t("by", { actor: entry.actorEmail })}</span>}
              {entry.negativeAllowed && <span className="block text-amber-700">{t("negativeAllowed")}</span>}
            </Td>
          </tr>
        ))}
        {!entries.length && <EmptyRow colSpan={7}>{t("noLedger")}</EmptyRow>}
      </tbody>
    </Table>
  );
}
