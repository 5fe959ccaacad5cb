import type { OrderStatus, PaymentChannel, Prisma } from "@prisma/client";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";
import { transactionFiltersSchema, transactionWhere } from "@/lib/admin/transactions/filters";

export const transactionListSchema = transactionFiltersSchema.and(
  z.object({
    sort: z.enum(["createdAt", "amount", "paidAt"]).default("createdAt"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  }),
);

export type TransactionListQuery = z.infer<typeof transactionListSchema>;

export interface TransactionRow {
  orderNo: string;
  createdAt: string;
  userId: string;
  userEmail: string;
  packageName: string;
  packageNameEn: string | null;
  priceFen: number;
  paidAmountFen: number | null;
  refundedFen: number;
  credits: number;
  provider: "WECHAT" | "ALIPAY";
  configId: string;
  configName: string | null;
  channel: PaymentChannel;
  status: OrderStatus;
  paidAt: string | null;
  providerTradeNo: string | null;
  late: boolean;
  anomaly: string | null;
}

export interface TransactionPage {
  total: number;
  page: number;
  pageSize: number;
  orders: TransactionRow[];
}

function orderBy(query: TransactionListQuery): Prisma.RechargeOrderOrderByWithRelationInput[] {
  const column = { createdAt: "createdAt", amount: "priceFen", paidAt: "paidAt" } as const;
  const primary: Prisma.RechargeOrderOrderByWithRelationInput =
    query.sort === "paidAt" ? { paidAt: { sort: query.dir, nulls: "last" } } : { [column[query.sort]]: query.dir };
  // A unique tie-breaker keeps pages stable when many orders share a value.
  return [primary, { id: query.dir }];
}

export const transactionColumns = {
  orderNo: true,
  createdAt: true,
  userId: true,
  user: { select: { email: true } },
  packageName: true,
  packageNameEn: true,
  priceFen: true,
  paidAmountFen: true,
  refundedFen: true,
  credits: true,
  provider: true,
  configId: true,
  channel: true,
  status: true,
  paidAt: true,
  providerTradeNo: true,
  late: true,
  anomaly: true,
} satisfies Prisma.RechargeOrderSelect;

export type TransactionRecord = Prisma.RechargeOrderGetPayload<{ select: typeof transactionColumns }>;

export function toTransactionRow(record: TransactionRecord, configNames: Map<string, string>): TransactionRow {
  const { user, ...order } = record;
  return {
    ...order,
    userEmail: user.email,
    configName: configNames.get(order.configId) ?? null,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
  };
}

/** Config id → name, for every config (deleted ones too: old orders name them). */
export async function configNames(): Promise<Map<string, string>> {
  const prisma = await getPrisma();
  const configs = await prisma.paymentConfig.findMany({ select: { id: true, name: true } });
  return new Map(configs.map((config) => [config.id, config.name]));
}

/** One page of every order (any status) matching the filters. */
export async function listTransactions(query: TransactionListQuery): Promise<TransactionPage> {
  const prisma = await getPrisma();
  const where = transactionWhere(query, await getDisplayTimeZone());
  const [total, records, names] = await Promise.all([
    prisma.rechargeOrder.count({ where }),
    prisma.rechargeOrder.findMany({
      where,
      select: transactionColumns,
      orderBy: orderBy(query),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    configNames(),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    orders: records.map((record) => toTransactionRow(record, names)),
  };
}
