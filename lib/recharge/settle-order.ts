import { randomUUID } from "node:crypto";
import { Prisma, type PaymentConfig, type RechargeOrder } from "@prisma/client";
import { getDatabase, getPrisma } from "@/lib/db";
import { announceOrderEvent, orderEventChannel } from "@/lib/events/order-events";
import { logger } from "@/lib/log/logger";
import { newEventId } from "@/lib/outbox/record-event";
import type { TradeStatus } from "@/lib/payments/types";
import { findOrderByNo } from "@/lib/recharge/find-order";
import { recordOrderEvent } from "@/lib/recharge/record-event";
import { isSandboxConfig } from "@/lib/payment-configs/is-sandbox";
import { noLiveConfigSql, sandboxUrlLearnings } from "@/lib/payment-configs/no-live-config";
import { refuseSandboxPayment } from "@/lib/recharge/refuse-sandbox-payment";
import { callbackColumns, callbackValues, type CallbackRecord } from "@/lib/recharge/store-callback";

export type SettleOutcome =
  /** This call credited the order. */
  | "CREDITED"
  /** The order had been credited before; nothing changed. */
  | "ALREADY_CREDITED"
  /** The provider's account of the payment does not match the order: not credited, flagged. */
  | "MISMATCH"
  /** The provider does not say the order was paid. */
  | "NOT_PAID"
  /** No order of this config has that number: nothing to credit, and retrying cannot help. */
  | "UNKNOWN_ORDER"
  /** A sandbox payment while real payments are on: worth nothing, not credited. */
  | "SANDBOX_REFUSED";

export interface SettleOptions {
  /** The order the payment is for: ours, with the config it was placed through. */
  orderNo: string;
  config: Pick<PaymentConfig, "id" | "appId" | "merchantId" | "sandbox" | "gatewayUrl">;
  /** Verified: from a notify whose signature checked out, or from our own query. */
  trade: TradeStatus;
  /** What told us, for the order's history: "notify", "query", "reconcile", … */
  source: string;
  now?: Date;
  /**
   * The notify that reported the payment: when this call credits the order (CREDITED), it is
   * kept by the same statement, so a notify costs one commit; otherwise the caller keeps it.
   */
  callback?: Omit<CallbackRecord, "outcome">;
}

/** Why the provider's report cannot be for a payment to this config, or null if it can. */
function reportProblem(orderNo: string, config: SettleOptions["config"], trade: TradeStatus): string | null {
  if (trade.orderNo !== orderNo) return `provider reported order ${trade.orderNo}`;
  if (trade.amountFen === undefined) return "provider did not report the paid amount";
  if (trade.currency && trade.currency !== "CNY") return `paid in ${trade.currency}`;
  if (trade.appId && trade.appId !== config.appId) return `paid to app ${trade.appId}`;
  if (trade.merchantId && trade.merchantId !== config.merchantId) return `paid to merchant ${trade.merchantId}`;
  return null;
}

/**
 * The settlement's prepared statements (with and without the notify's callback row); the name
 * travels with every execution, and the first is a prefix of the second.
 */
export const settleStatementName = "settle-paid-order";
const settleWithCallbackStatementName = `${settleStatementName}+callback`;

/**
 * The whole credit as one statement, so it is one round trip and atomic by itself: the order's
 * conditional status change (number, config, price, an open status and, for a sandbox config,
 * that no live config is enabled: all inside the WHERE), the balance move, the ledger entry, the
 * order's credit lots (PAID for the package, PROMOTIONAL for its bonus, with the bonus validity),
 * the order's history, the outbox event and the live-page event, which PostgreSQL delivers only
 * if the statement commits, and the notify that reported it. Statements of one WITH see one
 * snapshot, so each step reads what the previous one RETURNED. Duplicate notifies, queries, the
 * expiry job and a cancel racing each other meet at the order row's lock: only the first finds it
 * open. The user row's UPDATE takes the wallet lock every other movement takes first.
 *
 * A balance below zero (a refund after spending) is repaid first: the new lots are drawn by this
 * entry for what was owed, bonus first as the consumption order would.
 */
async function creditIfOpen({ orderNo, config, trade, source, now, callback }: SettleOptions & { now: Date }) {
  const db = await getDatabase();
  const kept = callback
    ? Prisma.sql`, kept AS (
      INSERT INTO "PaymentCallback" ${callbackColumns}
      SELECT ${callbackValues({ ...callback, outcome: "CREDITED" })} FROM paid
      RETURNING id
    )`
    : Prisma.empty;
  const amountFen = trade.amountFen!;
  const sandbox = isSandboxConfig(config);
  const detail = JSON.stringify({ source, providerTradeNo: trade.providerTradeNo ?? null, amountFen });
  const rows = await db.query<{ late: boolean }>(
    Prisma.sql`
    WITH paid AS (
      UPDATE "RechargeOrder"
      SET status = 'PAID',
          "paidAt" = ${trade.paidAt ?? now},
          "paidAmountFen" = ${amountFen},
          "providerTradeNo" = ${trade.providerTradeNo ?? null},
          late = (status = 'CLOSED' OR "expiresAt" < ${now}),
          "nextCheckAt" = NULL,
          "updatedAt" = ${now}
      WHERE "orderNo" = ${orderNo} AND "configId" = ${config.id} AND "priceFen" = ${amountFen}
        AND status IN ('PENDING', 'CLOSED') AND (NOT ${sandbox}::boolean OR ${noLiveConfigSql()})
      RETURNING id, "orderNo", "userId", credits, "bonusCredits", "bonusValidityDays", "packageName", provider,
                "paidAt", late
    ), balance AS (
      UPDATE "User" AS u
      SET balance = u.balance + paid.credits, "ledgerSeq" = u."ledgerSeq" + 1, "updatedAt" = ${now}
      FROM paid
      WHERE u.id = paid."userId"
      RETURNING u.id, u.balance, u."ledgerSeq", u."externalId"
    ), entry AS (
      INSERT INTO "LedgerEntry" (id, "userId", seq, delta, "balanceAfter", kind, "idempotencyKey", reference, reason, "createdAt")
      SELECT ${randomUUID()}, balance.id, balance."ledgerSeq", paid.credits, balance.balance,
             'RECHARGE'::"LedgerKind", 'recharge:' || paid."orderNo", paid."orderNo", paid."packageName", ${now}::timestamp
      FROM paid JOIN balance ON balance.id = paid."userId"
      RETURNING id
    ), parts AS (
      SELECT lot.*, LEAST(lot.amount, GREATEST(0, owed.total - lot.before)) AS repaid
      FROM paid JOIN balance ON balance.id = paid."userId"
      CROSS JOIN LATERAL (SELECT LEAST(paid.credits, GREATEST(0, paid.credits - balance.balance)) AS total) AS owed
      CROSS JOIN LATERAL (VALUES
        (${randomUUID()}, 'PROMOTIONAL'::"CreditCategory", 'BONUS'::"LotSource", paid."bonusCredits",
         CASE WHEN paid."bonusValidityDays" IS NULL THEN NULL
              ELSE ${now}::timestamp + make_interval(days => paid."bonusValidityDays") END, 0),
        (${randomUUID()}, 'PAID'::"CreditCategory", 'RECHARGE'::"LotSource", paid.credits - paid."bonusCredits",
         NULL::timestamp, paid."bonusCredits")
      ) AS lot(id, category, source, amount, "expiresAt", before)
      WHERE lot.amount > 0
    ), lots AS (
      INSERT INTO "CreditLot" (id, "userId", category, source, amount, remaining, "effectiveAt", "expiresAt",
                               priority, reference, "entryId", sandbox, "createdAt")
      SELECT parts.id, paid."userId", parts.category, parts.source, parts.amount, parts.amount - parts.repaid,
             ${now}::timestamp, parts."expiresAt", 50, paid."orderNo", entry.id, ${sandbox}, ${now}::timestamp
      FROM parts, paid, entry
      RETURNING id
    ), repayments AS (
      INSERT INTO "LotDraw" (id, "entryId", "lotId", amount, "createdAt")
      SELECT gen_random_uuid()::text, entry.id, lots.id, parts.repaid, ${now}::timestamp
      FROM parts JOIN lots ON lots.id = parts.id, entry
      WHERE parts.repaid > 0
      RETURNING id
    ), history AS (
      INSERT INTO "OrderEvent" (id, "orderId", type, detail, "createdAt")
      SELECT ${randomUUID()}, paid.id, CASE WHEN paid.late THEN 'paid_late' ELSE 'paid' END, ${detail}::jsonb,
             ${now}::timestamp
      FROM paid
      RETURNING id
    ), outbox AS (
      INSERT INTO "Event" (id, type, "userId", data, "createdAt")
      SELECT ${newEventId()}, 'order.paid', paid."userId",
             jsonb_build_object('orderNo', paid."orderNo", 'userId', paid."userId", 'externalUserId', balance."externalId",
                                'provider', paid.provider, 'amountFen', ${amountFen}::int, 'credits', paid.credits,
                                'bonusCredits', paid."bonusCredits", 'sandbox', ${sandbox}::boolean,
                                'paidAt', to_char(paid."paidAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                'late', paid.late, 'balance', balance.balance),
             ${now}::timestamp
      FROM paid JOIN balance ON balance.id = paid."userId"
      RETURNING id
    )${kept}
    SELECT paid.late, pg_notify(${orderEventChannel}, ${JSON.stringify({ orderNo, status: "PAID" })})::text AS notified,
           (SELECT count(*) FROM lots) AS lots, (SELECT count(*) FROM repayments) AS repayments
    FROM paid, entry, history, outbox`,
    { name: callback ? settleWithCallbackStatementName : settleStatementName },
  );
  return rows[0] ?? null;
}

async function flagAnomaly(order: RechargeOrder, problem: string, source: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const flagged = await tx.rechargeOrder.updateMany({
      where: { id: order.id, anomaly: null },
      data: { anomaly: problem },
    });
    if (flagged.count) await recordOrderEvent(tx, order.id, "anomaly", { source, reason: problem });
  });
  logger.warn("payment does not match its order; not credited", { orderNo: order.orderNo, source, problem });
}

/**
 * Credits a paid order exactly once. The common case, a matching payment for an open order, is
 * one statement; anything else reads the order to say what happened. An order closed here but
 * paid at the provider is still credited, and flagged late.
 */
export async function settleOrder(options: SettleOptions): Promise<SettleOutcome> {
  const { orderNo, config, trade, source, now = new Date(), callback } = options;
  if (trade.state !== "PAID" && trade.state !== "REFUNDED") return "NOT_PAID";

  const problem = reportProblem(orderNo, config, trade);
  const credited = async () => {
    if (problem || !(await creditIfOpen({ orderNo, config, trade, source, now, callback }))) return false;
    await announceOrderEvent({ orderNo, status: "PAID" });
    return true;
  };
  const learnedBefore = sandboxUrlLearnings();
  if (await credited()) return "CREDITED";
  // The statement credits a sandbox payment only while nothing takes real money. When it did
  // not, a fresh read says whether that was why (and refuses); if instead the read taught the
  // statement a sandbox gateway it did not recognise, the credit is tried once more.
  if (isSandboxConfig(config)) {
    if (await refuseSandboxPayment({ orderNo, config, source, now })) return "SANDBOX_REFUSED";
    if (sandboxUrlLearnings() !== learnedBefore && (await credited())) return "CREDITED";
  }

  const order = await findOrderByNo(orderNo);
  if (!order || order.configId !== config.id) {
    logger.warn("verified payment for an unknown order", { orderNo, configId: config.id, source });
    return "UNKNOWN_ORDER";
  }
  const mismatch =
    problem ??
    (trade.amountFen !== order.priceFen ? `paid ${trade.amountFen} fen, order is ${order.priceFen} fen` : null);
  if (mismatch) {
    await flagAnomaly(order, mismatch, source);
    return "MISMATCH";
  }
  // The statement above found the order settled; if it is open after all, something moved
  // under us, and saying "already credited" could lose a payment: fail so it is tried again.
  if (order.status === "PENDING" || order.status === "CLOSED") {
    throw new Error(`order ${orderNo} is still ${order.status} after a matching payment`);
  }
  return "ALREADY_CREDITED";
}
