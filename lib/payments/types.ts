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

/** A WeChat JSAPI payment: the payer is known by the openid WeChat's OAuth gave for the config's app id. */
export interface JsapiPaymentInput extends CreatePaymentInput {
  openid: string;
}

export interface JsapiPayment {
  /** The provider's handle of the payment (WeChat's prepay_id), valid for two hours. */
  prepayId: string;
}

/** What the page hands to WeixinJSBridge's getBrandWCPayRequest, signed on the server. */
export interface JsapiPayParams {
  appId: string;
  /** Unix seconds, as a string. */
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: "RSA";
  paySign: string;
}

/**
 * Paying inside the provider's own app (WeChat JSAPI): who the payer is comes from the
 * provider's OAuth2 (snsapi_base), then the page pays with parameters we sign.
 */
export interface InAppPayments {
  /** The official account's app id: openids are per app id. */
  readonly appId: string;
  /** Where to send the browser to learn the payer's id; `state` comes back unchanged. */
  authorizeUrl(redirectUri: string, state: string): string;
  /** The payer's openid for the code the authorize page returned (a code works once). */
  exchangeCode(code: string): Promise<string>;
  createJsapiPayment(input: JsapiPaymentInput): Promise<JsapiPayment>;
  payParams(prepayId: string): JsapiPayParams;
}

/** A desktop cashier page of the provider (Alipay's 电脑网站支付): the browser opens or frames it. */
export interface CashierInput extends CreatePaymentInput {
  /** Where the provider sends the browser back after paying; required, it is how the page learns. */
  returnUrl: string;
  /** Embedded: only the provider's QR code, this many pixels wide, for an iframe. Absent: the full cashier. */
  embedWidthPx?: number;
}

export interface CashierPage {
  url: string;
}

/**
 * What the provider appends to return_url, once verified. It names the order but never proves
 * payment: only a notify or a query settles.
 */
export type VerifiedReturn = { ok: true; orderNo: string } | { ok: false; detail: string; claimedOrderNo?: string };

export interface WebsitePayments {
  /** The signed cashier URL; nothing is fetched, so it can be issued again for the same order. */
  cashierUrl(input: CashierInput): Promise<CashierPage>;
  /** `query`: the return URL's query string exactly as received. */
  verifyReturn(query: string): VerifiedReturn;
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
  readonly bills: BillSource;
  /** Only providers that can take payments inside their own app (WeChat). */
  readonly inApp?: InAppPayments;
  /** Only providers with a desktop website cashier (Alipay's page.pay). */
  readonly website?: WebsitePayments;
}

export type ProviderOperation =
  | "create_qr"
  | "create_h5"
  | "create_jsapi"
  | "create_page"
  | "oauth_code"
  | "query"
  | "close"
  | "refund"
  | "query_refund"
  | "test_connection"
  | "bill";

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

// ---- Provider bills (daily reconciliation) ----

/** A day's bill as the provider served it, before any parsing. */
export type BillDownload =
  | { state: "READY"; bytes: Buffer; fileName: string }
  /** The provider has not produced the day's bill yet: try again later. */
  | { state: "NOT_READY"; detail: string }
  /** The provider says the day had no trades. */
  | { state: "EMPTY" };

/** One payment or refund line of a bill, provider-neutral. */
export interface BillLine {
  kind: "PAYMENT" | "REFUND";
  orderNo: string;
  providerTradeNo: string;
  /** Refunds: our refund number (WeChat out_refund_no, Alipay out_request_no). */
  refundNo?: string;
  /** Money moved, in fen, always positive (a refund's amount is what was returned). */
  amountFen: number;
  /** When the provider says it happened. */
  time: Date;
  /** The provider's own status word for the line, for the record. */
  status: string;
}

/** A day's totals: detail lines, money paid, money refunded (fen). */
export interface BillTotals {
  lines: number;
  paymentFen: number;
  refundFen: number;
}

export interface ParsedBill {
  lines: BillLine[];
  /** What the bill's summary says. */
  stated: BillTotals;
  /** The same sums over the detail lines, the same columns the summary adds up. */
  counted: BillTotals;
}

/** A file that is not a complete bill of the provider's format: nothing of it is used. */
export class BillFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BillFormatError";
  }
}

export interface BillSource {
  /** `billDate`: YYYY-MM-DD, a Beijing calendar day. Throws ProviderError or BillFormatError. */
  download(billDate: string): Promise<BillDownload>;
  /** Parses a downloaded file completely, or throws BillFormatError. */
  parse(bytes: Buffer): ParsedBill;
}
