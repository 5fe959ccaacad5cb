import type { PaymentConfig, Provider } from "@prisma/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import type {
  IncomingNotify,
  NotifyAnswer,
  PaymentAdapter,
  RefundStatus,
  TradeStatus,
  VerifiedNotify,
} from "@/lib/payments/types";
import { checkOrder } from "@/lib/recharge/check-order";
import { claimCheck } from "@/lib/recharge/claim-check";
import { findOrderByNo } from "@/lib/recharge/find-order";
import { settleOrder } from "@/lib/recharge/settle-order";
import { storeCallback } from "@/lib/recharge/store-callback";
import { unknownConfigTally, withinUnverifiedCap } from "@/lib/recharge/unverified-cap";
import { applyRefundStatus } from "@/lib/refunds/apply-refund-status";

export type NotifyKind = "payment" | "refund";

export interface NotifyRequest {
  /** The provider the notify URL names. */
  provider: Provider;
  configId: string;
  kind: NotifyKind;
  notify: IncomingNotify;
  bodyBytes: number;
  receivedAt: Date;
}

interface Handled {
  handled: boolean;
  verified: boolean;
  orderNo?: string;
  outcome: string;
  rejection?: string;
  detail?: string;
  /** The settlement kept the callback with the credit it made. */
  kept?: boolean;
}

// Payment and refund events can arrive at either URL (Alipay sends refund results to the
// payment notify URL), so both verifiers are tried, the URL's own first.
async function verify(adapter: PaymentAdapter, request: NotifyRequest) {
  const asPayment = () => adapter.verifyPaymentNotify(request.notify);
  const asRefund = () => adapter.verifyRefundNotify(request.notify);
  const [first, second] = request.kind === "payment" ? [asPayment, asRefund] : [asRefund, asPayment];
  const result: VerifiedNotify<TradeStatus> | VerifiedNotify<RefundStatus> = await first();
  if (result.ok || result.reason !== "UNSUPPORTED_EVENT") return { result, kind: request.kind };
  return { result: await second(), kind: request.kind === "payment" ? ("refund" as const) : ("payment" as const) };
}

function isRefund(event: TradeStatus | RefundStatus): event is RefundStatus {
  return "refundNo" in event;
}

async function onPayment(config: PaymentConfig, trade: TradeStatus, request: NotifyRequest): Promise<Handled> {
  const callback = { ...callbackOf(config, request), orderNo: trade.orderNo, verified: true };
  // A genuine notify about an order that is not ours (UNKNOWN_ORDER) is handled too: retrying won't help.
  const outcome = await settleOrder({ orderNo: trade.orderNo, config, trade, source: "notify", callback });
  return { handled: true, verified: true, orderNo: trade.orderNo, outcome, kept: outcome === "CREDITED" };
}

/**
 * A notify we could not verify proves nothing, but if it names our order, our own query can:
 * at most one per order per throttle window (shared with "I have paid"), so forged notifies
 * cannot make us hammer the provider.
 */
async function onUnverified(config: PaymentConfig, claimedOrderNo: string | undefined, now: Date): Promise<string> {
  if (!claimedOrderNo) return "REJECTED";
  const order = await findOrderByNo(claimedOrderNo);
  if (!order || order.configId !== config.id || (order.status !== "PENDING" && order.status !== "CLOSED"))
    return "REJECTED";
  if (!(await claimCheck(order.id, now))) return "REJECTED_QUERY_THROTTLED";
  try {
    const result = await checkOrder({ order, source: "unverified_notify" });
    return result.settled ? `REJECTED_QUERIED_${result.settled}` : "REJECTED_QUERIED";
  } catch (error) {
    logger.warn("query after an unverified notify failed", { orderNo: order.orderNo, error });
    return "REJECTED_QUERY_FAILED";
  }
}

async function process(config: PaymentConfig, adapter: PaymentAdapter, request: NotifyRequest): Promise<Handled> {
  const { result } = await verify(adapter, request);
  if (!result.ok) {
    const outcome = await onUnverified(config, result.claimedOrderNo, request.receivedAt);
    return {
      handled: false,
      verified: false,
      orderNo: result.claimedOrderNo,
      outcome,
      rejection: result.reason,
      detail: result.detail,
    };
  }
  if (isRefund(result.event)) {
    const outcome = await applyRefundStatus(result.event, "notify");
    return { handled: true, verified: true, orderNo: result.event.orderNo, outcome };
  }
  return onPayment(config, result.event, request);
}

/** What a stored callback says of the request itself, before we know what it caused. */
function callbackOf(config: PaymentConfig | null, request: NotifyRequest) {
  return {
    provider: request.provider,
    configId: config?.id ?? request.configId,
    kind: request.kind,
    headers: request.notify.headers,
    body: request.notify.body,
    bodyBytes: request.bodyBytes,
    receivedAt: request.receivedAt,
  };
}

async function store(config: PaymentConfig | null, request: NotifyRequest, handled: Handled): Promise<void> {
  if (handled.kept) return;
  // Anyone can send unverifiable notifies: past the per-minute cap they are counted, not stored.
  if (!handled.verified && !(await withinUnverifiedCap(config?.id ?? unknownConfigTally, request.receivedAt))) return;
  return storeCallback({
    ...callbackOf(config, request),
    orderNo: handled.orderNo,
    verified: handled.verified,
    rejection: handled.rejection,
    outcome: handled.outcome,
    detail: handled.detail,
  });
}

/**
 * Verifies a provider notify, acts on it (settle, refund status, or a query of our own when
 * it does not verify), stores it with the outcome, and says what to answer. It answers
 * failure for notifies it does not believe (the provider's own probes expect that) and
 * throws when our side failed, so the route answers failure and the provider retries.
 */
export async function handleNotify(request: NotifyRequest): Promise<{ answer: NotifyAnswer; outcome: string }> {
  let loaded;
  try {
    loaded = await loadConfig(request.configId);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
    loaded = null;
  }
  if (!loaded || loaded.config.provider !== request.provider) {
    // No config of ours has this id: nobody can verify it, and a retry cannot help.
    logger.warn("notify for an unknown payment config", { configId: request.configId });
    await store(null, request, { handled: false, verified: false, outcome: "UNKNOWN_CONFIG" });
    return { answer: { status: 404, contentType: "text/plain", body: "unknown config" }, outcome: "UNKNOWN_CONFIG" };
  }
  const { config, adapter } = loaded;
  const handled = await process(config, adapter, request);
  await store(config, request, handled);
  return { answer: adapter.answerNotify(handled.handled), outcome: handled.outcome };
}
