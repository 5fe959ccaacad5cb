import type { LedgerKind, Role } from "@prisma/client";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  configNames,
  toTransactionRow,
  transactionColumns,
  type TransactionRow,
} from "@/lib/admin/transactions/list-transactions";

export const userDetailQuerySchema = z.object({
  ordersPage: z.coerce.number().int().min(1).max(100_000).default(1),
  ledgerPage: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type UserDetailQuery = z.infer<typeof userDetailQuerySchema>;

export interface AdminLedgerEntry {
  id: string;
  seq: number;
  delta: number;
  balanceAfter: number;
  kind: LedgerKind;
  reference: string | null;
  reason: string | null;
  negativeAllowed: boolean;
  actorEmail: string | null;
  createdAt: string;
}

export interface UserDetail {
  user: {
    id: string;
    email: string;
    name: string | null;
    role: Role;
    balance: number;
    allowNegativeBalance: boolean;
    createdAt: string;
  };
  orders: { total: number; page: number; pageSize: number; items: TransactionRow[] };
  ledger: { total: number; page: number; pageSize: number; entries: AdminLedgerEntry[] };
}

const pageSize = 20;

/** A user with a page of their orders and a page of their ledger (newest first). */
export async function getUserDetail(id: string, query: UserDetailQuery): Promise<UserDetail> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      balance: true,
      allowNegativeBalance: true,
      createdAt: true,
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  const [orderTotal, orders, names, ledgerTotal, entries] = await Promise.all([
    prisma.rechargeOrder.count({ where: { userId: id } }),
    prisma.rechargeOrder.findMany({
      where: { userId: id },
      select: transactionColumns,
      orderBy: [{ createdAt: "desc" }, { orderNo: "desc" }],
      skip: (query.ordersPage - 1) * pageSize,
      take: pageSize,
    }),
    configNames(),
    prisma.ledgerEntry.count({ where: { userId: id } }),
    prisma.ledgerEntry.findMany({
      where: { userId: id },
      orderBy: { seq: "desc" },
      skip: (query.ledgerPage - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const actorIds = [
    ...new Set(entries.map((entry) => entry.actorId).filter((actor): actor is string => Boolean(actor))),
  ];
  const actors = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const actorEmail = new Map(actors.map((actor) => [actor.id, actor.email]));
  return {
    user: { ...user, createdAt: user.createdAt.toISOString() },
    orders: {
      total: orderTotal,
      page: query.ordersPage,
      pageSize,
      items: orders.map((order) => toTransactionRow(order, names)),
    },
    ledger: {
      total: ledgerTotal,
      page: query.ledgerPage,
      pageSize,
      entries: entries.map((entry) => ({
        id: entry.id,
        seq: entry.seq,
        delta: entry.delta,
        balanceAfter: entry.balanceAfter,
        kind: entry.kind,
        reference: entry.reference,
        reason: entry.reason,
        negativeAllowed: entry.negativeAllowed,
        actorEmail: entry.actorId ? (actorEmail.get(entry.actorId) ?? null) : null,
        createdAt: entry.createdAt.toISOString(),
      })),
    },
  };
}
