import type { LedgerKind } from "@prisma/client";
import { getPrisma } from "@/lib/db";

export interface ListOwnEntriesOptions {
  userId: string;
  page: number;
  pageSize: number;
}

/** What the owner sees of an entry: no idempotency key, no actor id (internal bookkeeping). */
export interface LedgerEntryView {
  seq: number;
  delta: number;
  balanceAfter: number;
  kind: LedgerKind;
  reference: string | null;
  reason: string | null;
  /** A recharge's package, both names from its order (the reason keeps the Chinese one only). */
  packageName: string | null;
  packageNameEn: string | null;
  createdAt: string;
}

export interface LedgerPage {
  total: number;
  page: number;
  pageSize: number;
  entries: LedgerEntryView[];
}

/** The user's own ledger, newest first. `seq` is the ledger's own order, so it beats timestamps. */
export async function listOwnEntries({ userId, page, pageSize }: ListOwnEntriesOptions): Promise<LedgerPage> {
  const prisma = await getPrisma();
  const [total, rows] = await Promise.all([
    prisma.ledgerEntry.count({ where: { userId } }),
    prisma.ledgerEntry.findMany({
      where: { userId },
      orderBy: { seq: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        seq: true,
        delta: true,
        balanceAfter: true,
        kind: true,
        reference: true,
        reason: true,
        createdAt: true,
      },
    }),
  ]);
  const orderNos = rows.flatMap((row) => (row.kind === "RECHARGE" && row.reference ? [row.reference] : []));
  const orders =
    orderNos.length === 0
      ? []
      : await prisma.rechargeOrder.findMany({
          where: { userId, orderNo: { in: orderNos } },
          select: { orderNo: true, packageName: true, packageNameEn: true },
        });
  const byOrderNo = new Map(orders.map((order) => [order.orderNo, order]));
  return {
    total,
    page,
    pageSize,
    entries: rows.map((row) => {
      const order = row.kind === "RECHARGE" && row.reference ? byOrderNo.get(row.reference) : undefined;
      return {
        ...row,
        packageName: order?.packageName ?? null,
        packageNameEn: order?.packageNameEn ?? null,
        createdAt: row.createdAt.toISOString(),
      };
    }),
  };
}
