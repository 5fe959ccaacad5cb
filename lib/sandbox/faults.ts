import { z } from "zod";
import { getPrisma } from "@/lib/db";

/** What the sandbox does wrong on purpose, so tests and demos can see the app cope. */
export const faultsSchema = z
  .object({
    /** Lose the first N delivery attempts of each notify ("all": never deliver). */
    dropNotifies: z.union([z.number().int().min(1).max(100), z.literal("all")]),
    /** Send each notify this many extra times, concurrently. */
    duplicateNotifies: z.number().int().min(1).max(100),
    /** Hold each notify back this long before its first attempt. */
    delayNotifiesMs: z
      .number()
      .int()
      .min(1)
      .max(24 * 60 * 60 * 1000),
    /** Deliver payment notifies only after the trade's refund notifies. */
    reorderNotifies: z.boolean(),
    /** Report one fen more than was ordered, in notifies and queries. */
    wrongAmount: z.boolean(),
    /** Corrupt the signature of every notify. */
    badSignature: z.boolean(),
    /** Precede every notify with a deliberate bad-signature probe (WeChat's SIGNTEST). */
    signatureProbe: z.boolean(),
    /** The gateway answers API calls with a server error, or not at all within the caller's timeout. */
    providerDown: z.enum(["error", "timeout"]),
    /** The phone page may pay a trade after it expired. */
    payAfterExpiry: z.boolean(),
    /** Bills: add a payment for an order number the merchant never placed. */
    billUnknownTrade: z.boolean(),
    /** Bills: report the trade's payment one fen above what was paid (use with a trade scope). */
    billWrongAmount: z.boolean(),
    /** Bills: leave the trade's refunds out (use with a trade scope). */
    billOmitRefunds: z.boolean(),
    /** Bills: the day's bill is not ready yet. */
    billNotReady: z.boolean(),
  })
  .partial()
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

/** "*" applies to every trade, `merchant:<id>` to one merchant, `trade:<outTradeNo>` to one trade. */
export type FaultScope = "*" | `merchant:${string}` | `trade:${string}`;

export async function setFaults(scope: FaultScope, faults: Faults): Promise<void> {
  const prisma = await getPrisma();
  const parsed = faultsSchema.parse(faults);
  await prisma.sandboxFault.upsert({ where: { scope }, create: { scope, faults: parsed }, update: { faults: parsed } });
}

export async function clearFaults(scope?: FaultScope): Promise<void> {
  const prisma = await getPrisma();
  await prisma.sandboxFault.deleteMany({ where: scope ? { scope } : {} });
}

/** The faults in force for a trade: the trade's own override the merchant's, which override "*". */
export async function faultsFor(merchantId: string, outTradeNo?: string): Promise<Faults> {
  const prisma = await getPrisma();
  const scopes = ["*", `merchant:${merchantId}`, ...(outTradeNo ? [`trade:${outTradeNo}`] : [])];
  const rows = await prisma.sandboxFault.findMany({ where: { scope: { in: scopes } } });
  const byScope = new Map(rows.map((row) => [row.scope, faultsSchema.parse(row.faults)]));
  return Object.assign({}, ...scopes.map((scope) => byScope.get(scope) ?? {})) as Faults;
}
