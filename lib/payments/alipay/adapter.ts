import type { z } from "zod";
import {
  ProviderError,
  type AdapterDeps,
  type CreatePaymentInput,
  type H5Payment,
  type PaymentAdapter,
  type ProviderCallRecord,
  type ProviderOperation,
  type QrPayment,
  type RefundInput,
  type RefundStatus,
  type TradeStatus,
} from "@/lib/payments/types";
import { fenToYuan } from "./amount";
import { createAlipayBills } from "./bills";
import { outcomeOf, summarizeRequest, summarizeResponse } from "./call-record";
import { createGatewayClient, type GatewayCall, type GatewayReply } from "./client";
import { resolveAlipayConfig, type AlipayConfig } from "./config";
import { answerNotify, verifyRefundNotify, verifyTradeNotify } from "./notify";
import { createWebsitePayments } from "./page-pay";
import { closeSchema, precreateSchema, querySchema, refundQuerySchema, refundSchema } from "./schemas";
import { formatBeijingTime } from "./time";
import { tradeStateOf } from "./trade-state";

const DEFAULT_TIMEOUT_MS = 10_000;
/** Alipay's per-trade ceiling, 100,000,000.00 yuan. */
const MAX_TRADE_FEN = 10_000_000_000;
const MAX_ORDER_NO_CHARS = 64;
const TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";

function checkedYuan(fen: number, label: string, maxFen = MAX_TRADE_FEN): string {
  if (!Number.isSafeInteger(fen) || fen < 1 || fen > maxFen) {
    throw new RangeError(`${label} must be a whole number of fen from 1 to ${maxFen}`);
  }
  return fenToYuan(fen);
}

function checkedNo(value: string, label: string): string {
  if (value.length === 0 || value.length > MAX_ORDER_NO_CHARS) {
    throw new RangeError(`${label} must be 1-${MAX_ORDER_NO_CHARS} characters`);
  }
  return value;
}

function invalid(message: string, reply: GatewayReply): ProviderError {
  return new ProviderError("ALIPAY", "INVALID_RESPONSE", message, undefined, reply.httpStatus);
}

function parsePayload<Schema extends z.ZodType>(schema: Schema, reply: GatewayReply): z.infer<Schema> {
  const result = schema.safeParse(reply.payload);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw invalid(`unexpected response: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"}`, reply);
}

function requireSuccess(method: string, reply: GatewayReply): void {
  const { code, msg, sub_code: subCode, sub_msg: subMsg } = reply.envelope;
  if (code === "10000") return;
  const said = [code, msg, subCode, subMsg].filter((part) => part !== undefined).join(" ");
  // 20000 / ACQ.SYSTEM_ERROR: Alipay failed, and whether it acted is unknown.
  const kind = code === "20000" || subCode === "ACQ.SYSTEM_ERROR" ? "SYSTEM_ERROR" : "REJECTED";
  throw new ProviderError("ALIPAY", kind, `${method} refused: ${said}`, subCode ?? code, reply.httpStatus);
}

// Alipay signs responses without naming the request, so an answer about another order is refused.
function requireSameOrder(answered: string | undefined, asked: string, reply: GatewayReply): void {
  if (answered !== undefined && answered !== asked) throw invalid("response is about another order", reply);
}

function tradeIsMissing(reply: GatewayReply): boolean {
  return reply.envelope.code !== "10000" && reply.envelope.sub_code === TRADE_NOT_EXIST;
}

function tradeBizContent(input: CreatePaymentInput, productCode: string): Record<string, string> {
  return {
    out_trade_no: checkedNo(input.orderNo, "orderNo"),
    total_amount: checkedYuan(input.amountFen, "amountFen"),
    subject: input.description,
    // An absolute deadline: after it Alipay refuses payment, so an abandoned QR code dies too.
    time_expire: formatBeijingTime(input.expiresAt),
    product_code: productCode,
  };
}

/** The PaymentAdapter for Alipay's OpenAPI 2.0 gateway (gateway.do), talking to config.gatewayUrl only. */
export function createAlipayAdapter(config: AlipayConfig, deps: AdapterDeps = {}): PaymentAdapter {
  const resolved = resolveAlipayConfig(config);
  const now = deps.now ?? Date.now;
  const client = createGatewayClient(resolved, {
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    now,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const identity = {
    appId: resolved.appId,
    sellerId: resolved.sellerId,
    alipayPublicKey: resolved.alipayPublicKey,
  };

  async function record(entry: ProviderCallRecord): Promise<void> {
    try {
      await deps.recordCall?.(entry);
    } catch {
      // Writing the history must never change what happened to the payment.
    }
  }

  async function invoke<T>(
    operation: ProviderOperation,
    orderNo: string | undefined,
    call: GatewayCall,
    interpret: (reply: GatewayReply) => T,
  ): Promise<T> {
    const started = now();
    const base = {
      provider: "ALIPAY" as const,
      operation,
      orderNo,
      request: summarizeRequest(call.method, call.bizContent),
    };
    let reply: GatewayReply | undefined;
    try {
      reply = await client.send(call);
      const result = interpret(reply);
      await record({
        ...base,
        response: summarizeResponse(reply.payload),
        httpStatus: reply.httpStatus,
        latencyMs: now() - started,
        outcome: "ok",
      });
      return result;
    } catch (error) {
      await record({
        ...base,
        ...(reply ? { response: summarizeResponse(reply.payload) } : {}),
        httpStatus: reply?.httpStatus ?? (error instanceof ProviderError ? error.httpStatus : undefined),
        latencyMs: now() - started,
        outcome: error instanceof ProviderError ? outcomeOf(error.kind) : "provider_error",
        errorMessage: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }

  return {
    provider: "ALIPAY",

    async createQrPayment(input: CreatePaymentInput): Promise<QrPayment> {
      const method = "alipay.trade.precreate";
      // Naming the seller makes a wrong PID fail here rather than as a WRONG_MERCHANT notify later.
      const bizContent = { ...tradeBizContent(input, "FACE_TO_FACE_PAYMENT"), seller_id: resolved.sellerId };
      return invoke("create_qr", input.orderNo, { method, bizContent, notifyUrl: input.notifyUrl }, (reply) => {
        requireSuccess(method, reply);
        const data = parsePayload(precreateSchema, reply);
        requireSameOrder(data.out_trade_no, input.orderNo, reply);
        return { codeUrl: data.qr_code };
      });
    },

    async createH5Payment(input: CreatePaymentInput): Promise<H5Payment> {
      const method = "alipay.trade.wap.pay";
      const started = now();
      const returnUrl = input.returnUrl ?? resolved.returnUrl;
      const bizContent = {
        ...tradeBizContent(input, "QUICK_WAP_WAY"),
        ...(returnUrl !== undefined ? { quit_url: returnUrl } : {}),
      };
      const url = client.pageUrl({
        method,
        bizContent,
        notifyUrl: input.notifyUrl,
        ...(returnUrl !== undefined ? { returnUrl } : {}),
      });
      await record({
        provider: "ALIPAY",
        operation: "create_h5",
        orderNo: input.orderNo,
        request: summarizeRequest(method, bizContent),
        latencyMs: now() - started,
        outcome: "ok",
      });
      return { url };
    },

    async queryPayment(orderNo: string): Promise<TradeStatus> {
      const method = "alipay.trade.query";
      const bizContent = { out_trade_no: checkedNo(orderNo, "orderNo") };
      return invoke("query", orderNo, { method, bizContent }, (reply): TradeStatus => {
        // Before the payer scans the code Alipay has no trade: an answer, not an error.
        if (tradeIsMissing(reply)) return { orderNo, state: "NOT_FOUND" };
        requireSuccess(method, reply);
        const data = parsePayload(querySchema, reply);
        requireSameOrder(data.out_trade_no, orderNo, reply);
        return {
          orderNo,
          state: tradeStateOf(data.trade_status, data.send_pay_date !== undefined),
          amountFen: data.total_amount,
          currency: data.trans_currency ?? "CNY",
          ...(data.trade_no !== undefined ? { providerTradeNo: data.trade_no } : {}),
          ...(data.send_pay_date !== undefined ? { paidAt: data.send_pay_date } : {}),
        };
      });
    },

    async closePayment(orderNo: string): Promise<void> {
      // alipay.trade.close, not alipay.trade.cancel: cancel refunds a trade that was paid in the
      // meantime, moving money behind the ledger's back. A paid trade makes close fail instead,
      // and the caller queries and settles.
      const method = "alipay.trade.close";
      const bizContent = { out_trade_no: checkedNo(orderNo, "orderNo") };
      await invoke("close", orderNo, { method, bizContent }, (reply) => {
        // No trade yet (code never scanned) means nothing to close. The code stays payable until
        // time_expire; a payment after our local close is still credited, as a late payment.
        if (tradeIsMissing(reply)) return;
        requireSuccess(method, reply);
        requireSameOrder(parsePayload(closeSchema, reply).out_trade_no, orderNo, reply);
      });
    },

    async refund(input: RefundInput): Promise<RefundStatus> {
      const method = "alipay.trade.refund";
      checkedYuan(input.totalFen, "totalFen");
      const bizContent = {
        out_trade_no: checkedNo(input.orderNo, "orderNo"),
        refund_amount: checkedYuan(input.refundFen, "refundFen", input.totalFen),
        // Alipay treats a repeated out_request_no as the same refund, so retries cannot pay twice.
        out_request_no: checkedNo(input.refundNo, "refundNo"),
        ...(input.reason ? { refund_reason: input.reason } : {}),
      };
      // RefundInput.notifyUrl is not used: Alipay sends refund notifies to the payment's notify_url.
      return invoke("refund", input.orderNo, { method, bizContent }, (reply): RefundStatus => {
        requireSuccess(method, reply);
        const data = parsePayload(refundSchema, reply);
        requireSameOrder(data.out_trade_no, input.orderNo, reply);
        const base = { orderNo: input.orderNo, refundNo: input.refundNo };
        if (data.fund_change !== "Y") return { ...base, state: "PROCESSING" };
        return {
          ...base,
          state: "SUCCESS",
          ...(data.gmt_refund_pay !== undefined ? { succeededAt: data.gmt_refund_pay } : {}),
        };
      });
    },

    async queryRefund(orderNo: string, refundNo: string): Promise<RefundStatus> {
      const method = "alipay.trade.fastpay.refund.query";
      const bizContent = {
        out_trade_no: checkedNo(orderNo, "orderNo"),
        out_request_no: checkedNo(refundNo, "refundNo"),
        query_options: ["gmt_refund_pay"],
      };
      return invoke("query_refund", orderNo, { method, bizContent }, (reply): RefundStatus => {
        requireSuccess(method, reply);
        const data = parsePayload(refundQuerySchema, reply);
        requireSameOrder(data.out_trade_no, orderNo, reply);
        if (data.out_request_no !== undefined && data.out_request_no !== refundNo) {
          throw invalid("response is about another refund", reply);
        }
        // No REFUND_SUCCESS means "not received or not done yet" — never "failed": the refund may
        // still complete, and retrying it with the same refundNo is safe.
        if (data.refund_status !== "REFUND_SUCCESS") return { orderNo, refundNo, state: "PROCESSING" };
        return {
          orderNo,
          refundNo,
          state: "SUCCESS",
          ...(data.refund_amount !== undefined ? { refundFen: data.refund_amount } : {}),
          ...(data.gmt_refund_pay !== undefined ? { succeededAt: data.gmt_refund_pay } : {}),
        };
      });
    },

    verifyPaymentNotify: async (notify) => verifyTradeNotify(notify, identity),
    verifyRefundNotify: async (notify) => verifyRefundNotify(notify, identity),
    answerNotify,
    website: createWebsitePayments({
      client,
      ...identity,
      tradeBizContent: (input) => tradeBizContent(input, "FAST_INSTANT_TRADE_PAY"),
      record,
      now,
    }),
    bills: createAlipayBills({
      invoke,
      record,
      fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      appId: resolved.appId,
    }),
  };
}
