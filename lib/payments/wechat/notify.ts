/**
 * Merchant side of WeChat Pay v3 notifies: verify the signature, decrypt the resource, check it
 * is ours, map it. Each step that fails yields a typed rejection; nothing throws.
 */
import type {
  IncomingNotify,
  NotifyAnswer,
  NotifyRejection,
  RefundStatus,
  TradeStatus,
  VerifiedNotify,
} from "@/lib/payments/types";
import type { ResolvedWechatConfig } from "./config";
import { noticeToRefundStatus, toTradeStatus } from "./mapping";
import { decryptResource } from "./resource";
import { notifyEnvelopeSchema, refundNotifySchema, transactionSchema } from "./schemas";
import { verifySignedMessage } from "./verify";

/** Real notifies are ~1-2 KB; anything far larger is not WeChat and is refused before any work. */
export const MAX_NOTIFY_BYTES = 64 * 1024;

type NotifyConfig = Pick<ResolvedWechatConfig, "appId" | "mchId" | "apiV3Key" | "keys">;
type Rejected = Extract<VerifiedNotify<never>, { ok: false }>;
type Opened = { ok: true; resource: unknown } | Rejected;

function reject(reason: NotifyRejection, detail: string, claimedOrderNo?: string): Rejected {
  return claimedOrderNo === undefined ? { ok: false, reason, detail } : { ok: false, reason, detail, claimedOrderNo };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Signature, event type and decryption: the steps both notify kinds share. */
function openNotify(notify: IncomingNotify, config: NotifyConfig, eventPrefix: string, nowMs: number): Opened {
  if (typeof notify.body !== "string" || Buffer.byteLength(notify.body, "utf8") > MAX_NOTIFY_BYTES) {
    return reject("MALFORMED", `body missing or larger than ${MAX_NOTIFY_BYTES} bytes`);
  }
  const signature = verifySignedMessage({ headers: notify.headers, body: notify.body, keys: config.keys, nowMs });
  if (!signature.ok) return reject(signature.reason, signature.detail, claimedOrderNo(notify.body, config));

  const json = parseJson(notify.body);
  const envelope = json.ok ? notifyEnvelopeSchema.safeParse(json.value) : undefined;
  if (!envelope?.success) return reject("MALFORMED", "body is not a WeChat Pay notify envelope");
  if (!envelope.data.event_type.startsWith(eventPrefix)) {
    return reject("UNSUPPORTED_EVENT", `event ${envelope.data.event_type} is not ${eventPrefix}*`);
  }
  const decrypted = decryptResource(envelope.data.resource, config.apiV3Key);
  if (!decrypted.ok) return reject("DECRYPT_FAILED", decrypted.detail);
  const resource = parseJson(decrypted.plaintext);
  if (!resource.ok) return reject("MALFORMED", "decrypted resource is not JSON");
  return { ok: true, resource: resource.value };
}

/**
 * The order an unverified notify names, if its resource opens with our APIv3 key. Not proof of
 * payment (the signature failed), only a hint worth asking the provider about.
 */
function claimedOrderNo(body: string, config: NotifyConfig): string | undefined {
  const json = parseJson(body);
  const envelope = json.ok ? notifyEnvelopeSchema.safeParse(json.value) : undefined;
  if (!envelope?.success) return undefined;
  const decrypted = decryptResource(envelope.data.resource, config.apiV3Key);
  if (!decrypted.ok) return undefined;
  const resource = parseJson(decrypted.plaintext);
  const value = resource.ok ? resource.value : undefined;
  const orderNo =
    typeof value === "object" && value !== null ? (value as { out_trade_no?: unknown }).out_trade_no : undefined;
  return typeof orderNo === "string" && /^[A-Za-z0-9_*|-]{1,64}$/.test(orderNo) ? orderNo : undefined;
}

/** Last line of defence: the steps above do not throw, but a caller may pass odd shapes at runtime. */
function guarded<T>(run: () => VerifiedNotify<T>): VerifiedNotify<T> {
  try {
    return run();
  } catch (error) {
    return reject("MALFORMED", `unreadable notify: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function verifyPaymentNotify(
  notify: IncomingNotify,
  config: NotifyConfig,
  nowMs: number,
): VerifiedNotify<TradeStatus> {
  return guarded(() => {
    const opened = openNotify(notify, config, "TRANSACTION.", nowMs);
    if (!opened.ok) return opened;
    const tx = transactionSchema.safeParse(opened.resource);
    if (!tx.success) return reject("MALFORMED", "decrypted resource is not a transaction");
    if (tx.data.mchid !== config.mchId || tx.data.appid !== config.appId) {
      return reject(
        "WRONG_MERCHANT",
        `trade belongs to mchid ${tx.data.mchid} appid ${tx.data.appid}`,
        tx.data.out_trade_no,
      );
    }
    return { ok: true, event: toTradeStatus(tx.data) };
  });
}

export function verifyRefundNotify(
  notify: IncomingNotify,
  config: NotifyConfig,
  nowMs: number,
): VerifiedNotify<RefundStatus> {
  return guarded(() => {
    const opened = openNotify(notify, config, "REFUND.", nowMs);
    if (!opened.ok) return opened;
    const notice = refundNotifySchema.safeParse(opened.resource);
    if (!notice.success) return reject("MALFORMED", "decrypted resource is not a refund");
    // Refund notifies carry no appid; the merchant id is what identifies us.
    if (notice.data.mchid !== config.mchId) {
      return reject("WRONG_MERCHANT", `refund belongs to mchid ${notice.data.mchid}`, notice.data.out_trade_no);
    }
    return { ok: true, event: noticeToRefundStatus(notice.data) };
  });
}

/**
 * Success is an empty 200 (WeChat accepts 200 or 204; 204 cannot carry the body field, and
 * `new Response("", { status: 204 })` throws). A notify we do not believe is refused with 400
 * and WeChat's `{code, message}`: its fault, not a server error in anyone's monitoring (WeChat
 * retries any 4xx/5xx on its schedule, so a genuine one we could not check is sent again).
 */
export function answerNotify(handled: boolean): NotifyAnswer {
  if (handled) return { status: 200, contentType: "text/plain; charset=utf-8", body: "" };
  return {
    status: 400,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ code: "FAIL", message: "notify not verified" }),
  };
}
