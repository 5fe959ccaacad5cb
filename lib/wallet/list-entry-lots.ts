import type { CreditCategory, LotSource } from "@prisma/client";
import { getPrisma } from "@/lib/db";

export interface EntryLotView {
  category: CreditCategory;
  source: LotSource;
  /** Credits this entry moved into (a credit) or out of (a debit) the lot. */
  amount: number;
  lotCreatedAt: string;
  expiresAt: string | null;
}

export interface ListEntryLotsOptions {
  userId: string;
  /** The entries' positions in the user's ledger (what the history page lists). */
  seqs: number[];
}

/**
 * For each listed entry, the lots it touched: the lot a credit created, or the lots a debit
 * drew from (its LotDraw rows). Two queries for a whole page.
 */
export async function listEntryLots({ userId, seqs }: ListEntryLotsOptions): Promise<Map<number, EntryLotView[]>> {
  const prisma = await getPrisma();
  const entries = await prisma.ledgerEntry.findMany({
    where: { userId, seq: { in: seqs } },
    select: {
      id: true,
      seq: true,
      delta: true,
      draws: {
        orderBy: { id: "asc" },
        select: {
          amount: true,
          lot: { select: { category: true, source: true, createdAt: true, expiresAt: true } },
        },
      },
    },
  });
  const created = await prisma.creditLot.findMany({
    where: { userId, entryId: { in: entries.map((entry) => entry.id) } },
    select: { entryId: true, category: true, source: true, amount: true, createdAt: true, expiresAt: true },
  });
  const seqOf = new Map(entries.map((entry) => [entry.id, entry.seq]));
  const result = new Map<number, EntryLotView[]>();
  for (const entry of entries) {
    // A credit's own draws only repay earlier uncovered debt; its lot is what the user got.
    const draws = entry.delta > 0 ? [] : entry.draws;
    result.set(
      entry.seq,
      draws.map((draw) => ({
        category: draw.lot.category,
        source: draw.lot.source,
        amount: draw.amount,
        lotCreatedAt: draw.lot.createdAt.toISOString(),
        expiresAt: draw.lot.expiresAt?.toISOString() ?? null,
      })),
    );
  }
  for (const lot of created) {
    const seq = lot.entryId ? seqOf.get(lot.entryId) : undefined;
    if (seq === undefined) continue;
    result.get(seq)?.push({
      category: lot.category,
      source: lot.source,
      amount: lot.amount,
      lotCreatedAt: lot.createdAt.toISOString(),
      expiresAt: lot.expiresAt?.toISOString() ?? null,
    });
  }
  return result;
}
