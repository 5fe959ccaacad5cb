import type { CreditLot } from "@prisma/client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/admin/badges";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { VoidLotButton } from "@/components/admin/wallet/void-lot-button";

type LotRow = Pick<
  CreditLot,
  "id" | "category" | "source" | "amount" | "remaining" | "effectiveAt" | "expiresAt" | "expiredAt" | "voidedAt"
>;

type LotState = "Voided" | "Expired" | "Pending" | "Used" | "Active";

function stateOf(lot: LotRow, now: number): LotState {
  if (lot.voidedAt) return "Voided";
  if (lot.expiredAt) return "Expired";
  if (lot.effectiveAt.getTime() > now) return "Pending";
  return lot.remaining === 0 ? "Used" : "Active";
}

const tones = { Voided: "red", Expired: "slate", Pending: "blue", Used: "slate", Active: "green" } as const;

/** A user's lots with what is left of each; a lot with credits left can have its remainder voided. */
export function LotsTable({ userId, lots, now }: { userId: string; lots: LotRow[]; now: number }) {
  const t = useTranslations("console.wallet");
  return (
    <Table caption={t("lotsTitle", { count: lots.length })}>
      <thead>
        <tr>
          <Th>{t("category")}</Th>
          <Th>{t("source")}</Th>
          <Th className="text-right">{t("amount")}</Th>
          <Th className="text-right">{t("remaining")}</Th>
          <Th>{t("effective")}</Th>
          <Th>{t("expiry")}</Th>
          <Th>{t("status")}</Th>
          <Th>
            <span className="sr-only">{t("void")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {lots.map((lot) => {
          const state = stateOf(lot, now);
          return (
            <tr key={lot.id} data-testid="lot-row">
              <Td>{t(`categories.${lot.category}`)}</Td>
              <Td>{t(`sources.${lot.source}`)}</Td>
              <Td className="text-right tabular-nums">{lot.amount}</Td>
              <Td className="text-right tabular-nums" data-testid="lot-remaining">
                {lot.remaining}
              </Td>
              <Td className="text-xs">
                <Time iso={lot.effectiveAt.toISOString()} />
              </Td>
              <Td className="text-xs">{lot.expiresAt ? <Time iso={lot.expiresAt.toISOString()} /> : t("never")}</Td>
              <Td>
                <Badge tone={tones[state]}>{t(`status${state}`)}</Badge>
              </Td>
              <Td>
                {lot.remaining > 0 && state !== "Voided" && state !== "Expired" && (
                  <VoidLotButton userId={userId} lotId={lot.id} remaining={lot.remaining} />
                )}
              </Td>
            </tr>
          );
        })}
        {!lots.length && <EmptyRow colSpan={8}>{t("noLots")}</EmptyRow>}
      </tbody>
    </Table>
  );
}
