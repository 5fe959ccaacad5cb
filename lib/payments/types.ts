/**
 * The one interface between our order/ledger code and a payment provider. Everything here
 * is provider-neutral: amounts are integer fen, states are ours, and no provider field name
 * leaks out of lib/payments/<provider>.
 */

export type ProviderId = "WECHAT" | "ALIPAY";

export interface CreatePaymentInput {
  orderNo: string;
  amountFen: number;
  /** Shown to the payer by the provider, e.g. "330 credits". */
  description: string;
  expiresAt: Date;
  notifyUrl: string;
  /** Where a phone browser returns after the provider's H5 page. */
  returnUrl?: string;
  /** The payer's IP, required by WeChat H5. */
  clientIp?: string;
}

export interface QrPayment {
  /** Encode this in the QR code. */
  codeUrl: string;
}

export interface H5Payment {
  /** Open this in the phone browser. */
  url: string;
}

export type TradeState = "NOT_FOUND" | "PENDING" | "PAID" | "CLOSED" | "REFUNDED";

/** What the provider says about one of our orders, from a query or a verified notify. */
export interface TradeStatus {
  orderNo: string;
  state: TradeState;
  providerTradeNo?: string;
  /** What the payer actually paid, when the provider says so. */
  amountFen?: number;
  currency?: string;
  paidAt?: Date;
  /** The app id and merchant id the provider says the trade belongs to. */
  appId?: string;
  merchantId?: string;
}

export interface RefundInput {
  orderNo: string;
  refundNo: string;
  refundFen: number;
  totalFen: number;
  reason: string;
  notifyUrl: string;
}

export type RefundState = "PROCESSING" | "SUCCESS" | "FAILED" | "CLOSED";

export interface RefundStatus {
  orderNo: string;
  refundNo: string;
  state: RefundState;
  providerRefundId?: string;
  refundFen?: number;
  succeededAt?: Date;
}

/** A notify exactly as received: header names lower-cased, body untouched. */
export interface IncomingNotify {
  headers: Record<string, string>;
  body: string;
}

export type NotifyRejection =
  | "MALFORMED"
  | "BAD_SIGNATURE"
  | "SIGNATURE_PROBE"
  | "STALE_TIMESTAMP"
  | "UNKNOWN_KEY"
  | "DECRYPT_FAILED"
  | "WRONG_MERCHANT"
  | "UNSUPPORTED_EVENT";

export type VerifiedNotify<T> =
  | { ok: true; event: T }
  | {
      ok: false;
      reason: NotifyRejection;
      detail: string;
      /** The order the unverified body claims to be about, if readable: worth a query. */
      claimedOrderNo?: string;
    };

/** What to send back to the provider after handling a notify. */
export interface NotifyAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface PaymentAdapter {
  readonly provider: ProviderId;
  createQrPayment(input: CreatePaymentInput): Promise<QrPayment>;
  createH5Payment(input: CreatePaymentInput): Promise<H5Payment>;
  queryPayment(orderNo: string): Promise<TradeStatus>;
  closePayment(orderNo: string): Promise<void>;
  refund(input: RefundInput): Promise<RefundStatus>;
  queryRefund(orderNo: string, refundNo: string): Promise<RefundStatus>;
  verifyPaymentNotify(notify: IncomingNotify): Promise<VerifiedNotify<TradeStatus>>;
  verifyRefundNotify(notify: IncomingNotify): Promise<VerifiedNotify<RefundStatus>>;
  /** `handled: false` asks the provider to retry later. */
  answerNotify(handled: boolean): NotifyAnswer;
}

export type ProviderOperation =
  "create_qr" | "create_h5" | "query" | "close" | "refund" | "query_refund" | "test_connection";

/** One call we made to a provider, as recorded for the order's history. Secrets are never in it. */
export interface ProviderCallRecord {
  provider: ProviderId;
  operation: ProviderOperation;
  orderNo?: string;
  request: Record<string, unknown>;
  response?: Record<string, unknown>;
  httpStatus?: number;
  latencyMs: number;
  outcome: "ok" | "provider_error" | "timeout" | "network_error" | "bad_response_signature";
  errorMessage?: string;
}

export interface AdapterDeps {
  /** Receives every provider call; must not throw. */
  recordCall?: (record: ProviderCallRecord) => void | Promise<void>;
  /** Defaults to global fetch. */
  fetch?: typeof fetch;
  /** Defaults to Date.now; tests move the clock. */
  now?: () => number;
  /** Per-request timeout; defaults to 10 s. */
  timeoutMs?: number;
}

/**
 * REJECTED: the provider said no and did nothing. SYSTEM_ERROR: the provider failed, and the
 * operation may or may not have happened; retry with the same ids, never assume either way.
 */
export type ProviderErrorKind =
  "TIMEOUT" | "NETWORK" | "REJECTED" | "SYSTEM_ERROR" | "BAD_RESPONSE_SIGNATURE" | "INVALID_RESPONSE";

/** A provider call that did not succeed, with what the provider said when it said something. */
export class ProviderError extends Error {
  constructor(
    readonly provider: ProviderId,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly providerCode?: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
