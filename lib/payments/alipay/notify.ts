import type { z } from "zod";
import type {
  IncomingNotify,
  NotifyAnswer,
  NotifyRejection,
  RefundStatus,
  TradeStatus,
  VerifiedNotify,
} from "@/lib/payments/types";
import { MAX_FORM_CHARS, parseForm } from "./form";
import { refundNotifySchema, tradeNotifySchema } from "./schemas";
import { verifyParams, type RsaKey } from "./sign";
import { tradeStateOf } from "./trade-state";

/**
 * Alipay's async notify (notify_type=trade_status_sync): a form POST signed with RSA2 over the
 * sorted, once-decoded params minus sign, sign_type and empty values.
 *
 * alipay-sdk offers two checks; notify.test.ts settles which is right on real notifies (and, for
 * values containing "%", on one re-signed the same way with a test key):
 * - checkNotifySign decodes every value a second time. Given the parsed form it throws on a lone
 *   "%" and rejects values that legitimately contain "%xx" (passback_params, which merchants must
 *   URL-encode, comes back that way). Given the raw form it rejects real notifies outright: their
 *   times contain a space sent as "+", which decodeURIComponent leaves alone.
 * - checkNotifySignV2 verifies the once-decoded values as they are, which is right — but it puts
 *   empty values into the signed string and also accepts a signature over sign_type, unlike
 *   Alipay's Java SDK (AlipaySignature.rsaCheckV1), so a notify with an empty field would fail.
 * So we verify with our own signContent (sign.ts) over a strictly parsed form: it agrees with V2
 * on every real sample and with the Java SDK on empty values.
 */

export interface NotifyIdentity {
  appId: string;
  sellerId: string;
  alipayPublicKey: RsaKey;
}

type Rejection = Extract<VerifiedNotify<never>, { ok: false }>;
type SignedNotify = { ok: true; params: Record<string, string>; claimedOrderNo?: string } | Rejection;

const ORDER_NO_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const REFUND_FIELDS = ["out_biz_no", "refund_fee", "gmt_refund"] as const;

function reject(reason: NotifyRejection, detail: string, claimedOrderNo?: string): Rejection {
  return claimedOrderNo === undefined ? { ok: false, reason, detail } : { ok: false, reason, detail, claimedOrderNo };
}

// The order an unverified body names, read leniently so even a rejected body can prompt a query.
function claimedOrderOf(body: string): string | undefined {
  if (body.length > MAX_FORM_CHARS) return undefined;
  const values = new URLSearchParams(body).getAll("out_trade_no");
  const [only] = values;
  return values.length === 1 && only !== undefined && ORDER_NO_PATTERN.test(only) ? only : undefined;
}

function firstIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  return issue ? `${issue.path.join(".") || "notify"}: ${issue.message}` : "invalid notify";
}

/** Parses and verifies the body exactly as received, then checks whose notify it is. */
function readSignedNotify(notify: IncomingNotify, identity: NotifyIdentity): SignedNotify {
  const claimed = claimedOrderOf(notify.body);
  const contentType = notify.headers["content-type"];
  if (contentType !== undefined && !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return reject("MALFORMED", `unexpected content-type ${JSON.stringify(contentType.slice(0, 64))}`, claimed);
  }
  const form = parseForm(notify.body);
  if (!form.ok) return reject("MALFORMED", form.detail, claimed);
  const params = form.params;
  if (Object.keys(params).length === 0) return reject("MALFORMED", "empty body", claimed);
  const charset = params.charset;
  if (charset !== undefined && charset.toLowerCase() !== "utf-8") {
    return reject("MALFORMED", "only utf-8 notifies are supported", claimed);
  }
  if (!params.sign) return reject("BAD_SIGNATURE", "notify is not signed", claimed);
  if (params.sign_type !== "RSA2") return reject("BAD_SIGNATURE", "sign_type must be RSA2", claimed);
  if (!verifyParams(params, "notify", identity.alipayPublicKey)) {
    return reject("BAD_SIGNATURE", "signature does not verify with the Alipay public key", claimed);
  }
  // Empty values are not signed, so anyone could add them: from here on they do not exist.
  const verified = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ""));
  if (verified.app_id !== identity.appId) return reject("WRONG_MERCHANT", "app_id is not this config's", claimed);
  if (verified.seller_id !== identity.sellerId) {
    return reject("WRONG_MERCHANT", "seller_id is not this config's", claimed);
  }
  if (verified.notify_type !== "trade_status_sync") {
    return reject("UNSUPPORTED_EVENT", "notify_type is not trade_status_sync", claimed);
  }
  return claimed === undefined
    ? { ok: true, params: verified }
    : { ok: true, params: verified, claimedOrderNo: claimed };
}

function isRefundNotify(params: Record<string, string>): boolean {
  return REFUND_FIELDS.some((field) => params[field] !== undefined);
}

export function verifyTradeNotify(notify: IncomingNotify, identity: NotifyIdentity): VerifiedNotify<TradeStatus> {
  const signed = readSignedNotify(notify, identity);
  if (!signed.ok) return signed;
  if (isRefundNotify(signed.params)) {
    return reject("UNSUPPORTED_EVENT", "refund notify: use verifyRefundNotify", signed.claimedOrderNo);
  }
  const fields = tradeNotifySchema.safeParse(signed.params);
  if (!fields.success) return reject("MALFORMED", firstIssue(fields.error), signed.claimedOrderNo);
  const trade = fields.data;
  const event: TradeStatus = {
    orderNo: trade.out_trade_no,
    state: tradeStateOf(trade.trade_status, trade.gmt_payment !== undefined),
    amountFen: trade.total_amount,
    currency: signed.params.trans_currency ?? "CNY",
    appId: identity.appId,
    merchantId: identity.sellerId,
    ...(trade.trade_no !== undefined ? { providerTradeNo: trade.trade_no } : {}),
    ...(trade.gmt_payment !== undefined ? { paidAt: trade.gmt_payment } : {}),
  };
  return { ok: true, event };
}

/**
 * Alipay reports a successful refund as a trade notify with out_biz_no (our refundNo),
 * refund_fee and gmt_refund, sent to the payment's notify_url. refund_fee is the trade's
 * cumulative refunded amount, so it is validated but not reported as this refund's amount.
 */
export function verifyRefundNotify(notify: IncomingNotify, identity: NotifyIdentity): VerifiedNotify<RefundStatus> {
  const signed = readSignedNotify(notify, identity);
  if (!signed.ok) return signed;
  if (!isRefundNotify(signed.params)) {
    return reject("UNSUPPORTED_EVENT", "not a refund notify: use verifyPaymentNotify", signed.claimedOrderNo);
  }
  const fields = refundNotifySchema.safeParse(signed.params);
  if (!fields.success) return reject("MALFORMED", firstIssue(fields.error), signed.claimedOrderNo);
  const refund = fields.data;
  const event: RefundStatus = {
    orderNo: refund.out_trade_no,
    refundNo: refund.out_biz_no,
    state: "SUCCESS",
    ...(refund.gmt_refund !== undefined ? { succeededAt: refund.gmt_refund } : {}),
  };
  return { ok: true, event };
}

/**
 * Alipay stops retrying only on the exact body "success"; anything else is retried for ~25
 * hours. A notify we do not believe gets "fail" with 400: the sender's fault, not ours.
 */
export function answerNotify(handled: boolean): NotifyAnswer {
  return handled
    ? { status: 200, contentType: "text/plain; charset=utf-8", body: "success" }
    : { status: 400, contentType: "text/plain; charset=utf-8", body: "fail" };
}
