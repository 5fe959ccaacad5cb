import type { LedgerKind, OrderStatus, PaymentChannel, Prisma, RefundStatus } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { maskSecrets } from "@/lib/audit/record-audit";
import { isSandboxConfig } from "@/lib/payment-configs/is-sandbox";

type Json = Prisma.JsonValue;

/** One thing that happened to an order, from whichever table recorded it. */
export type TimelineItem =
  | { kind: "event"; id: string; at: string; type: string; detail: Json }
  | {
      kind: "callback";
      id: string;
      at: string;
      callbackKind: string;
      verified: boolean;
      rejection: string | null;
      outcome: string;
      detail: string | null;
      headers: Json;
      body: string;
      bodyBytes: number;
    }
  | {
      kind: "providerCall";
      id: string;
      at: string;
      operation: string;
      outcome: string;
      latencyMs: number;
      httpStatus: number | null;
      errorMessage: string | null;
      request: Json;
      response: Json;
    }
  | {
      kind: "ledger";
      id: string;
      at: string;
      seq: number;
      delta: number;
      balanceAfter: number;
      ledgerKind: LedgerKind;
      reference: string | null;
      reason: string | null;
    }
  | {
      kind: "refund";
      id: string;
      at: string;
      refundNo: string;
      amountFen: number;
      credits: number;
      status: RefundStatus;
      reason: string;
      providerRefundId: string | null;
      succeededAt: string | null;
      actorEmail: string | null;
    };

export interface OrderDetail {
  order: {
    orderNo: string;
    status: OrderStatus;
    packageName: string;
    packageNameEn: string | null;
    priceFen: number;
    credits: number;
    paidAmountFen: number | null;
    refundedFen: number;
    provider: "WECHAT" | "ALIPAY";
    channel: PaymentChannel;
    providerTradeNo: string | null;
    clientIp: string | null;
    late: boolean;
    anomaly: string | null;
    closeReason: string | null;
    createdAt: string;
    expiresAt: string;
    paidAt: string | null;
    closedAt: string | null;
    checkAttempts: number;
    lastCheckedAt: string | null;
  };
  user: { id: string; email: string; balance: number };
  config: { id: string; name: string; sandbox: boolean; deleted: boolean } | null;
  timeline: TimelineItem[];
}

// Headers a notify should never carry, but if one did, the console must not show it.
const sensitiveHeaders = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

function redactHeaders(headers: Json): Json {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return headers;
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      sensitiveHeaders.has(name.toLowerCase()) ? "[redacted]" : value,
    ]),
  );
}

// Same instant: show what caused things before what they caused.
const kindRank: Record<TimelineItem["kind"], number> = { event: 0, providerCall: 1, callback: 2, refund: 3, ledger: 4 };

function byTime(a: TimelineItem, b: TimelineItem): number {
  return a.at.localeCompare(b.at) || kindRank[a.kind] - kindRank[b.kind];
}

/** An order with everything that happened to it — events, notifies, provider calls, ledger, refunds — by time. */
export async function getOrderDetail(orderNo: string): Promise<OrderDetail> {
  const prisma = await getPrisma();
  const order = await prisma.rechargeOrder.findUnique({
    where: { orderNo },
    include: { user: { select: { id: true, email: true, balance: true } }, events: true },
  });
  if (!order) throw new AppError("NOT_FOUND", "order_not_found");
  const [refunds, callbacks, calls, config] = await Promise.all([
    prisma.refund.findMany({ where: { orderNo } }),
    prisma.paymentCallback.findMany({ where: { orderNo } }),
    prisma.providerCall.findMany({ where: { orderNo } }),
    prisma.paymentConfig.findUnique({
      where: { id: order.configId },
      select: { id: true, name: true, sandbox: true, gatewayUrl: true, deletedAt: true },
    }),
  ]);
  const actorIds = [...new Set(refunds.map((refund) => refund.actorId).filter((id): id is string => Boolean(id)))];
  const [ledger, actors] = await Promise.all([
    prisma.ledgerEntry.findMany({
      where: { userId: order.userId, reference: { in: [orderNo, ...refunds.map((refund) => refund.refundNo)] } },
    }),
    prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }),
  ]);
  const actorEmail = new Map(actors.map((actor) => [actor.id, actor.email]));

  const timeline: TimelineItem[] = [
    ...order.events.map((event) => ({
      kind: "event" as const,
      id: event.id,
      at: event.createdAt.toISOString(),
      type: event.type,
      detail: event.detail,
    })),
    ...callbacks.map((callback) => ({
      kind: "callback" as const,
      id: callback.id,
      at: callback.createdAt.toISOString(),
      callbackKind: callback.kind,
      verified: callback.verified,
      rejection: callback.rejection,
      outcome: callback.outcome,
      detail: callback.detail,
      headers: redactHeaders(callback.headers),
      body: callback.body,
      bodyBytes: callback.bodyBytes,
    })),
    ...calls.map((call) => ({
      kind: "providerCall" as const,
      id: call.id,
      // Recorded when the answer came back; placed at when it was sent, before what it caused.
      at: new Date(call.createdAt.getTime() - call.latencyMs).toISOString(),
      operation: call.operation,
      outcome: call.outcome,
      latencyMs: call.latencyMs,
      httpStatus: call.httpStatus,
      errorMessage: call.errorMessage,
      // Summaries are secret-free by contract; masking again costs nothing and guards the contract.
      request: maskSecrets(call.request) as Json,
      response: maskSecrets(call.response) as Json,
    })),
    ...ledger.map((entry) => ({
      kind: "ledger" as const,
      id: entry.id,
      at: entry.createdAt.toISOString(),
      seq: entry.seq,
      delta: entry.delta,
      balanceAfter: entry.balanceAfter,
      ledgerKind: entry.kind,
      reference: entry.reference,
      reason: entry.reason,
    })),
    ...refunds.map((refund) => ({
      kind: "refund" as const,
      id: refund.id,
      at: refund.createdAt.toISOString(),
      refundNo: refund.refundNo,
      amountFen: refund.amountFen,
      credits: refund.credits,
      status: refund.status,
      reason: refund.reason,
      providerRefundId: refund.providerRefundId,
      succeededAt: refund.succeededAt?.toISOString() ?? null,
      actorEmail: refund.actorId ? (actorEmail.get(refund.actorId) ?? null) : null,
    })),
  ].sort(byTime);

  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    order: {
      orderNo: order.orderNo,
      status: order.status,
      packageName: order.packageName,
      packageNameEn: order.packageNameEn,
      priceFen: order.priceFen,
      credits: order.credits,
      paidAmountFen: order.paidAmountFen,
      refundedFen: order.refundedFen,
      provider: order.provider,
      channel: order.channel,
      providerTradeNo: order.providerTradeNo,
      clientIp: order.clientIp,
      late: order.late,
      anomaly: order.anomaly,
      closeReason: order.closeReason,
      createdAt: order.createdAt.toISOString(),
      expiresAt: order.expiresAt.toISOString(),
      paidAt: iso(order.paidAt),
      closedAt: iso(order.closedAt),
      checkAttempts: order.checkAttempts,
      lastCheckedAt: iso(order.lastCheckedAt),
    },
    user: order.user,
    config: config
      ? { id: config.id, name: config.name, sandbox: isSandboxConfig(config), deleted: config.deletedAt !== null }
      : null,
    timeline,
  };
}
