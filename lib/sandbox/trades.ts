import { randomBytes, randomInt } from "node:crypto";
import type { PaymentChannel, PrismaClient, Provider, SandboxRefund, SandboxTrade } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { faultsFor, type Faults } from "@/lib/sandbox/faults";
import { enqueueNotify } from "@/lib/sandbox/notify-queue";

/** Why the sandbox provider refuses an operation; each protocol front maps it to its own code. */
export type TradeRefusal =
  | "OUT_TRADE_NO_USED"
  | "TRADE_NOT_FOUND"
  | "TRADE_PAID"
  | "TRADE_CLOSED"
  | "TRADE_EXPIRED"
  | "TRADE_NOT_PAID"
  | "REFUND_EXCEEDS_PAID"
  | "REFUND_NO_USED";

export class TradeRefused extends Error {
  constructor(readonly reason: TradeRefusal) {
    super(reason);
    this.name = "TradeRefused";
  }
}

export interface OpenTradeInput {
  merchantId: string;
  outTradeNo: string;
  channel?: PaymentChannel;
  amountFen: number;
  description: string;
  notifyUrl: string;
  returnUrl?: string;
  expiresAt: Date;
}

function tradeId(): string {
  return `st_${randomBytes(18).toString("base64url")}`;
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join("");
}

/** A provider-style trade number: date plus random digits. */
function providerTradeNo(provider: Provider, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return provider === "WECHAT" ? `42000${day}${digits(18)}` : `${day}22${digits(18)}`;
}

/** A provider-style refund number. */
function providerRefundNo(provider: Provider, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return provider === "WECHAT" ? `50300${day}${digits(18)}` : `${day}R${digits(18)}`;
}

/**
 * Opens a trade, or returns the existing one when the same order is placed again with the
 * same amount (providers make order creation idempotent on out_trade_no).
 */
export async function openTrade(input: OpenTradeInput): Promise<SandboxTrade> {
  const prisma = await getPrisma();
  const existing = await prisma.sandboxTrade.findUnique({
    where: { merchantId_outTradeNo: { merchantId: input.merchantId, outTradeNo: input.outTradeNo } },
  });
  if (existing) {
    if (existing.amountFen !== input.amountFen) throw new TradeRefused("OUT_TRADE_NO_USED");
    if (existing.state === "CLOSED") throw new TradeRefused("TRADE_CLOSED");
    if (existing.state !== "PENDING") throw new TradeRefused("TRADE_PAID");
    return existing;
  }
  try {
    return await prisma.sandboxTrade.create({ data: { id: tradeId(), ...input } });
  } catch (error) {
    if (isUniqueViolation(error)) return openTrade(input);
    throw error;
  }
}

export async function findTrade(merchantId: string, outTradeNo: string): Promise<SandboxTrade | null> {
  const prisma = await getPrisma();
  return prisma.sandboxTrade.findUnique({ where: { merchantId_outTradeNo: { merchantId, outTradeNo } } });
}

export async function findTradeById(id: string) {
  const prisma = await getPrisma();
  return prisma.sandboxTrade.findUnique({ where: { id }, include: { merchant: true } });
}

/** The payer pressed "Pay" on the phone page. */
export async function payTrade(id: string, now = new Date()): Promise<SandboxTrade> {
  const prisma = await getPrisma();
  const trade = await prisma.sandboxTrade.findUnique({ where: { id }, include: { merchant: true } });
  if (!trade) throw new TradeRefused("TRADE_NOT_FOUND");
  const faults = await faultsFor(trade.merchantId, trade.outTradeNo);
  if (trade.state === "PAID" || trade.state === "REFUNDED") throw new TradeRefused("TRADE_PAID");
  // payAfterExpiry stands for a provider that takes money the merchant thinks it stopped: the
  // code was already on a phone when the merchant expired or closed it.
  if (trade.state === "CLOSED" && !faults.payAfterExpiry) throw new TradeRefused("TRADE_CLOSED");
  if (trade.expiresAt <= now && !faults.payAfterExpiry) throw new TradeRefused("TRADE_EXPIRED");

  const paid = await prisma.$transaction(async (tx) => {
    const updated = await tx.sandboxTrade.updateMany({
      where: { id, state: { in: faults.payAfterExpiry ? ["PENDING", "CLOSED"] : ["PENDING"] } },
      data: {
        state: "PAID",
        paidAt: now,
        paidAmountFen: trade.amountFen,
        providerTradeNo: providerTradeNo(trade.merchant.provider, now),
      },
    });
    if (updated.count !== 1) {
      // The trade changed since we read it (closed, or paid by a concurrent press): say which.
      const current = await tx.sandboxTrade.findUniqueOrThrow({ where: { id } });
      throw new TradeRefused(current.state === "CLOSED" ? "TRADE_CLOSED" : "TRADE_PAID");
    }
    const row = await tx.sandboxTrade.findUniqueOrThrow({ where: { id } });
    await enqueueNotify(tx, { trade: row, kind: "PAYMENT", faults, now });
    return row;
  });
  return paid;
}

/** The merchant closes an unpaid trade. Closing twice is fine; closing a paid trade is not. */
export async function closeTrade(merchantId: string, outTradeNo: string): Promise<SandboxTrade> {
  const prisma = await getPrisma();
  const trade = await findTrade(merchantId, outTradeNo);
  if (!trade) throw new TradeRefused("TRADE_NOT_FOUND");
  if (trade.state === "CLOSED") return trade;
  const updated = await prisma.sandboxTrade.updateMany({
    where: { id: trade.id, state: "PENDING" },
    data: { state: "CLOSED" },
  });
  const current = await prisma.sandboxTrade.findUniqueOrThrow({ where: { id: trade.id } });
  // Changed since we read it: closed by a concurrent call (fine) or paid meanwhile (refused).
  if (updated.count !== 1 && current.state !== "CLOSED") throw new TradeRefused("TRADE_PAID");
  return current;
}

export interface RefundTradeInput {
  merchantId: string;
  outTradeNo: string;
  outRefundNo: string;
  amountFen: number;
  reason?: string;
  notifyUrl?: string;
}

/**
 * Refunds part or all of a paid trade, idempotent on outRefundNo. The sandbox settles refunds
 * at once and tells the merchant by a refund notify.
 */
export async function refundTrade(
  input: RefundTradeInput,
  now = new Date(),
): Promise<{ trade: SandboxTrade; refund: SandboxRefund }> {
  const prisma = await getPrisma();
  const trade = await findTrade(input.merchantId, input.outTradeNo);
  if (!trade) throw new TradeRefused("TRADE_NOT_FOUND");
  const previous = await prisma.sandboxRefund.findUnique({
    where: { tradeId_outRefundNo: { tradeId: trade.id, outRefundNo: input.outRefundNo } },
  });
  if (previous) {
    if (previous.amountFen !== input.amountFen) throw new TradeRefused("REFUND_NO_USED");
    return { trade, refund: previous };
  }
  if (trade.state !== "PAID" && trade.state !== "REFUNDED") throw new TradeRefused("TRADE_NOT_PAID");
  const faults = await faultsFor(trade.merchantId, trade.outTradeNo);
  const merchant = await prisma.sandboxMerchant.findUniqueOrThrow({ where: { id: trade.merchantId } });

  try {
    return await applyRefund(prisma, trade, merchant.provider, input, faults, now);
  } catch (error) {
    // The same refund sent twice at once: the other request created it.
    if (!isUniqueViolation(error)) throw error;
    return refundTrade(input, now);
  }
}

async function applyRefund(
  prisma: PrismaClient,
  trade: SandboxTrade,
  provider: Provider,
  input: RefundTradeInput,
  faults: Faults,
  now: Date,
): Promise<{ trade: SandboxTrade; refund: SandboxRefund }> {
  return prisma.$transaction(async (tx) => {
    // Conditional increment: two refunds racing cannot together exceed what was paid.
    const paid = trade.paidAmountFen ?? trade.amountFen;
    const updated = await tx.sandboxTrade.updateMany({
      where: { id: trade.id, refundedFen: { lte: paid - input.amountFen } },
      data: { refundedFen: { increment: input.amountFen } },
    });
    if (updated.count !== 1) throw new TradeRefused("REFUND_EXCEEDS_PAID");
    const refund = await tx.sandboxRefund.create({
      data: {
        id: `sr_${randomBytes(12).toString("base64url")}`,
        tradeId: trade.id,
        outRefundNo: input.outRefundNo,
        refundNo: providerRefundNo(provider, now),
        amountFen: input.amountFen,
        reason: input.reason,
        notifyUrl: input.notifyUrl,
        state: "SUCCESS",
        succeededAt: now,
      },
    });
    let row = await tx.sandboxTrade.findUniqueOrThrow({ where: { id: trade.id } });
    if (row.refundedFen >= paid)
      row = await tx.sandboxTrade.update({ where: { id: trade.id }, data: { state: "REFUNDED" } });
    const notifyUrl = input.notifyUrl ?? trade.notifyUrl;
    await enqueueNotify(tx, { trade: row, kind: "REFUND", refund, url: notifyUrl, faults, now });
    return { trade: row, refund };
  });
}

/** A merchant's refund by its refund number (unique per merchant, as at the providers). */
export async function findRefund(merchantId: string, outRefundNo: string) {
  const prisma = await getPrisma();
  return prisma.sandboxRefund.findFirst({ where: { outRefundNo, trade: { merchantId } }, include: { trade: true } });
}
