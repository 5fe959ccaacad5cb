import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { dayField, dayRange } from "@/lib/admin/date-range";
import { yuanToFenField } from "@/lib/admin/yuan";

const flag = z.enum(["1", "true"]).transform(() => true);

/** The transactions filters, as they arrive in a query string (the page's and the APIs'). */
export const transactionFiltersSchema = z
  .object({
    status: z.enum(["PENDING", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CLOSED"], "invalid_status").optional(),
    provider: z.enum(["WECHAT", "ALIPAY"], "invalid_provider").optional(),
    channel: z.enum(["QR", "H5", "JSAPI", "PAGE"], "invalid_channel").optional(),
    configId: z.string().max(64).optional(),
    from: dayField.optional(),
    to: dayField.optional(),
    minYuan: yuanToFenField({ positive: false }).optional(),
    maxYuan: yuanToFenField({ positive: false }).optional(),
    anomaly: flag.optional(),
    late: flag.optional(),
    /** An order number, a provider trade number or (part of) a user's email. */
    q: z.string().trim().max(100, "too_long").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "range_reversed" })
  .refine((f) => f.minYuan === undefined || f.maxYuan === undefined || f.minYuan <= f.maxYuan, {
    path: ["maxYuan"],
    message: "range_reversed",
  });

export type TransactionFilters = z.infer<typeof transactionFiltersSchema>;

function search(q: string): Prisma.RechargeOrderWhereInput {
  return {
    OR: [
      { orderNo: { startsWith: q.toUpperCase() } },
      { providerTradeNo: q },
      { user: { email: { contains: q, mode: "insensitive" } } },
    ],
  };
}

/** The same filters for the list, the count and the CSV export, so they can never disagree. */
/** `timeZone`: the display zone, whose calendar days the from/to filters mean. */
export function transactionWhere(filters: TransactionFilters, timeZone: string): Prisma.RechargeOrderWhereInput {
  const and: Prisma.RechargeOrderWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.provider) and.push({ provider: filters.provider });
  if (filters.channel) and.push({ channel: filters.channel });
  if (filters.configId) and.push({ configId: filters.configId });
  const created = dayRange(timeZone, filters.from, filters.to);
  if (created) and.push({ createdAt: created });
  if (filters.minYuan !== undefined) and.push({ priceFen: { gte: filters.minYuan } });
  if (filters.maxYuan !== undefined) and.push({ priceFen: { lte: filters.maxYuan } });
  if (filters.anomaly) and.push({ anomaly: { not: null } });
  if (filters.late) and.push({ late: true });
  if (filters.q) and.push(search(filters.q));
  return { AND: and };
}
