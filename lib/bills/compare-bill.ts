import type { PaymentConfig, Prisma, RechargeOrder, Refund } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import type { BillLine, ParsedBill } from "@/lib/payments/types";
import { checkOrder } from "@/lib/recharge/check-order";
import { beijingDayBounds } from "./beijing-day";

/** What a difference is about; shown to admins by this name (see messages console.bills.kinds). */
export type DifferenceKind =
  /** Paid at the provider, not credited here: we queried, and settled when the provider agreed. */
  | "PAID_NOT_CREDITED"
  /** Paid at the provider for an order number we never issued under this config. */
  | "UNKNOWN_TRADE"
  | "AMOUNT_MISMATCH"
  /** The provider says it was paid before we created the order. */
  | "PAID_BEFORE_CREATED"
  /** Credited here, absent from the bill. */
  | "MISSING_FROM_BILL"
  | "LEDGER_MISSING"
  | "REFUND_UNKNOWN"
  | "REFUND_AMOUNT_MISMATCH"
  | "REFUND_STATUS_MISMATCH"
  | "REFUND_MISSING_FROM_BILL"
  /** The bill's summary does not equal the sum of its lines. */
  | "TOTALS_MISMATCH";

export type DifferenceInput = Omit<
  Prisma.ReconciliationDifferenceCreateManyInput,
  "configId" | "provider" | "billDate"
> & {
  kind: DifferenceKind;
};

export interface Comparison {
  differences: DifferenceInput[];
  matched: number;
  settled: number;
}

/** Bill times are whole seconds and the provider's clock is not ours: only a clear lead counts. */
const CLOCK_TOLERANCE_MS = 60_000;
const PAID_STATUSES = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] as const;

function difference(
  kind: DifferenceKind,
  subject: { orderNo?: string | null; refundNo?: string | null; providerTradeNo?: string | null },
  detail: string,
  amounts: { billFen?: number | null; ourFen?: number | null } = {},
): DifferenceInput {
  const key = [kind, subject.orderNo ?? "", subject.refundNo ?? ""].join(":");
  return { kind, key, detail, ...subject, ...amounts };
}

async function loadOurSide(config: Pick<PaymentConfig, "id">, billDate: string, lines: BillLine[]) {
  const prisma = await getPrisma();
  const { start, end } = beijingDayBounds(billDate);
  const billOrderNos = [...new Set(lines.map((line) => line.orderNo))];
  const billRefundNos = lines.flatMap((line) => (line.refundNo ? [line.refundNo] : []));
  const [namedOrders, paidThatDay] = await Promise.all([
    prisma.rechargeOrder.findMany({ where: { configId: config.id, orderNo: { in: billOrderNos } } }),
    prisma.rechargeOrder.findMany({
      where: { configId: config.id, status: { in: [...PAID_STATUSES] }, paidAt: { gte: start, lt: end } },
    }),
  ]);
  // A refund belongs to the day it was asked for: that is the day the provider books it.
  const refundsThatDay = await prisma.refund.findMany({
    where: { OR: [{ refundNo: { in: billRefundNos } }, { status: "SUCCESS", createdAt: { gte: start, lt: end } }] },
  });
  const refundOrderNos = [...new Set(refundsThatDay.map((refund) => refund.orderNo))];
  const refundOrders = await prisma.rechargeOrder.findMany({
    where: { configId: config.id, orderNo: { in: refundOrderNos } },
    select: { orderNo: true },
  });
  const ofThisConfig = new Set(refundOrders.map((order) => order.orderNo));
  return {
    orders: new Map(namedOrders.map((order) => [order.orderNo, order])),
    paidThatDay,
    refunds: refundsThatDay.filter((refund) => ofThisConfig.has(refund.orderNo)),
  };
}

async function ledgerKeys(keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const prisma = await getPrisma();
  const rows = await prisma.ledgerEntry.findMany({
    where: { idempotencyKey: { in: keys } },
    select: { idempotencyKey: true },
  });
  return new Set(rows.map((row) => row.idempotencyKey));
}

/** The provider's payment for an order we have not credited: ask it ourselves, settle on its answer. */
async function settleFromProvider(
  order: RechargeOrder,
  line: BillLine,
): Promise<{ credited: boolean; found: DifferenceInput }> {
  const subject = { orderNo: order.orderNo, providerTradeNo: line.providerTradeNo };
  const amounts = { billFen: line.amountFen, ourFen: order.priceFen };
  try {
    const result = await checkOrder({ order, source: "bill" });
    if (result.settled === "CREDITED") {
      return {
        credited: true,
        found: {
          ...difference(
            "PAID_NOT_CREDITED",
            subject,
            `order was ${order.status}; the provider's query confirmed the payment`,
            amounts,
          ),
          status: "RESOLVED",
          resolution: "credited by reconciliation after the provider's query",
          resolvedAt: new Date(),
        },
      };
    }
    const said = result.settled ?? result.providerState;
    return {
      credited: false,
      found: difference(
        "PAID_NOT_CREDITED",
        subject,
        `order is ${order.status}; the provider's query answered ${said}`,
        amounts,
      ),
    };
  } catch (error) {
    logger.warn("reconciliation could not query an order", { orderNo: order.orderNo, error });
    const message = error instanceof Error ? error.message : String(error);
    return {
      credited: false,
      found: difference(
        "PAID_NOT_CREDITED",
        subject,
        `order is ${order.status}; the query failed: ${message}`,
        amounts,
      ),
    };
  }
}

/**
 * Bill ↔ orders and refunds ↔ ledger for one config's day. The only money it moves is through
 * checkOrder → settleOrder, which credits at most once however often this runs.
 */
export async function compareBill(config: PaymentConfig, billDate: string, bill: ParsedBill): Promise<Comparison> {
  const ours = await loadOurSide(config, billDate, bill.lines);
  const differences: DifferenceInput[] = [];
  let matched = 0;
  let settled = 0;

  const payments = bill.lines.filter((line) => line.kind === "PAYMENT");
  const refunds = bill.lines.filter((line) => line.kind === "REFUND");
  const creditedOrders: RechargeOrder[] = [];

  for (const line of payments) {
    const order = ours.orders.get(line.orderNo);
    const subject = { orderNo: line.orderNo, providerTradeNo: line.providerTradeNo };
    if (!order) {
      differences.push(
        difference("UNKNOWN_TRADE", subject, "paid at the provider; no such order here", { billFen: line.amountFen }),
      );
      continue;
    }
    if (line.time.getTime() < order.createdAt.getTime() - CLOCK_TOLERANCE_MS) {
      const detail = `provider time ${line.time.toISOString()} is before the order was created (${order.createdAt.toISOString()})`;
      differences.push(difference("PAID_BEFORE_CREATED", subject, detail));
    }
    if (line.amountFen !== order.priceFen) {
      const detail = `the bill says ${line.amountFen} fen, the order is ${order.priceFen} fen`;
      differences.push(
        difference("AMOUNT_MISMATCH", subject, detail, { billFen: line.amountFen, ourFen: order.priceFen }),
      );
      continue;
    }
    if (order.status === "PENDING" || order.status === "CLOSED") {
      const outcome = await settleFromProvider(order, line);
      differences.push(outcome.found);
      if (outcome.credited) settled += 1;
      continue;
    }
    matched += 1;
    creditedOrders.push(order);
  }

  const billPayments = new Set(payments.map((line) => line.orderNo));
  for (const order of ours.paidThatDay) {
    if (billPayments.has(order.orderNo)) continue;
    const detail = `credited here (paid ${order.paidAt?.toISOString() ?? "?"}), not in the provider's bill`;
    differences.push(
      difference("MISSING_FROM_BILL", { orderNo: order.orderNo, providerTradeNo: order.providerTradeNo }, detail, {
        ourFen: order.paidAmountFen ?? order.priceFen,
      }),
    );
  }

  const refundsByNo = new Map<string, Refund>(ours.refunds.map((refund) => [refund.refundNo, refund]));
  const matchedRefunds: Refund[] = [];
  for (const line of refunds) {
    const refund = line.refundNo ? refundsByNo.get(line.refundNo) : undefined;
    const subject = { orderNo: line.orderNo, refundNo: line.refundNo ?? null, providerTradeNo: line.providerTradeNo };
    if (!refund) {
      differences.push(
        difference("REFUND_UNKNOWN", subject, "refunded at the provider; no such refund here", {
          billFen: line.amountFen,
        }),
      );
    } else if (refund.amountFen !== line.amountFen) {
      const detail = `the bill says ${line.amountFen} fen, the refund is ${refund.amountFen} fen`;
      differences.push(
        difference("REFUND_AMOUNT_MISMATCH", subject, detail, { billFen: line.amountFen, ourFen: refund.amountFen }),
      );
    } else if (refund.status === "FAILED") {
      differences.push(
        difference("REFUND_STATUS_MISMATCH", subject, `the bill has the refund (${line.status}); here it FAILED`, {
          billFen: line.amountFen,
          ourFen: refund.amountFen,
        }),
      );
    } else {
      matchedRefunds.push(refund);
    }
  }
  const billRefunds = new Set(refunds.flatMap((line) => (line.refundNo ? [line.refundNo] : [])));
  for (const refund of ours.refunds) {
    if (refund.status !== "SUCCESS" || billRefunds.has(refund.refundNo)) continue;
    differences.push(
      difference(
        "REFUND_MISSING_FROM_BILL",
        { orderNo: refund.orderNo, refundNo: refund.refundNo },
        "refunded here, not in the provider's bill",
        { ourFen: refund.amountFen },
      ),
    );
  }

  // The third side: every matched payment and refund must be in the ledger.
  const keys = await ledgerKeys([
    ...creditedOrders.map((order) => `recharge:${order.orderNo}`),
    ...matchedRefunds.map((refund) => `refund:${refund.refundNo}`),
  ]);
  for (const order of creditedOrders) {
    if (!keys.has(`recharge:${order.orderNo}`)) {
      differences.push(
        difference(
          "LEDGER_MISSING",
          { orderNo: order.orderNo },
          "paid here and at the provider, but no recharge ledger entry",
        ),
      );
    }
  }
  for (const refund of matchedRefunds) {
    if (!keys.has(`refund:${refund.refundNo}`)) {
      differences.push(
        difference(
          "LEDGER_MISSING",
          { orderNo: refund.orderNo, refundNo: refund.refundNo },
          "refund without its ledger entry",
        ),
      );
    }
  }

  const { stated, counted } = bill;
  if (
    stated.lines !== counted.lines ||
    stated.paymentFen !== counted.paymentFen ||
    stated.refundFen !== counted.refundFen
  ) {
    const detail = `summary: ${stated.lines} lines, ${stated.paymentFen} paid, ${stated.refundFen} refunded; lines add up to ${counted.lines}, ${counted.paymentFen}, ${counted.refundFen} (fen)`;
    differences.push({
      ...difference("TOTALS_MISMATCH", {}, detail),
      billFen: stated.paymentFen,
      ourFen: counted.paymentFen,
    });
  }
  return { differences, matched, settled };
}
