/**
 * The notifies WeChat Pay sends merchants: signed JSON whose `resource` is AES-256-GCM
 * encrypted with the APIv3 key. Faults: one fen too much, a corrupted signature, and
 * WeChat's deliberate `WECHATPAY/SIGNTEST/` probes.
 */
import { randomBytes } from "node:crypto";
import type { SandboxRefund, SandboxRefundState, SandboxTrade } from "@prisma/client";
import { SIGNATURE_HEADERS, SIGNATURE_PROBE_PREFIX, buildSignedNotify } from "@/lib/payments/wechat";
import type { MerchantKeys, NotifyContent, NotifyOptions } from "@/lib/sandbox/types";
import { apiV3Key, providerSigner } from "./provider-keys";
import { refundNoticeResource, transactionResource } from "./resources";

/** A generic browser-like agent: merchants must recognise WeChat by the signature, never by this. */
const USER_AGENT = "Mozilla/4.0";
/** An RSA-2048 signature is 256 bytes; a probe's fake one has the same size. */
const SIGNATURE_BYTES = 256;

interface Event {
  eventType: string;
  summary: string;
  /** Also the AES-GCM associated data, as at WeChat. */
  originalType: "transaction" | "refund";
  resource: Record<string, unknown>;
}

function signedNotify(keys: MerchantKeys, event: Event, now: Date): NotifyContent {
  const { privateKey, serial } = providerSigner(keys);
  const built = buildSignedNotify({ ...event, apiV3Key: apiV3Key(keys), privateKey, serial, nowMs: now.getTime() });
  return { headers: { ...built.headers, "user-agent": USER_AGENT }, body: built.body };
}

function withSignature(content: NotifyContent, signature: string): NotifyContent {
  return { ...content, headers: { ...content.headers, [SIGNATURE_HEADERS.signature]: signature } };
}

/** Still well-formed base64 of the right length: only verification can tell it is wrong. */
function corrupted(content: NotifyContent): NotifyContent {
  const signature = Buffer.from(content.headers[SIGNATURE_HEADERS.signature] ?? "", "base64");
  signature.writeUInt8(signature.readUInt8(0) ^ 0x01, 0);
  return withSignature(content, signature.toString("base64"));
}

/** `TRANSACTION.SUCCESS`: describes the payment as made, even if refunds have followed since. */
export function paymentNotify(keys: MerchantKeys, trade: SandboxTrade, options: NotifyOptions): NotifyContent {
  if (!trade.paidAt) throw new Error(`sandbox trade ${trade.id} is not paid: there is no payment to notify`);
  const content = signedNotify(
    keys,
    {
      eventType: "TRANSACTION.SUCCESS",
      summary: "支付成功",
      originalType: "transaction",
      resource: transactionResource(keys.merchant, trade, options.wrongAmount, "SUCCESS"),
    },
    options.now,
  );
  return options.badSignature ? corrupted(content) : content;
}

/** Refunds are notified once final; a refund still processing has nothing to tell yet. */
const refundEvents: Record<SandboxRefundState, { eventType: string; summary: string } | null> = {
  SUCCESS: { eventType: "REFUND.SUCCESS", summary: "退款成功" },
  CLOSED: { eventType: "REFUND.CLOSED", summary: "退款关闭" },
  PROCESSING: null,
};

export function refundNotify(
  keys: MerchantKeys,
  trade: SandboxTrade,
  refund: SandboxRefund,
  options: NotifyOptions,
): NotifyContent {
  const event = refundEvents[refund.state];
  if (!event) throw new Error(`sandbox refund ${refund.id} is still ${refund.state}: there is no outcome to notify`);
  const content = signedNotify(
    keys,
    {
      ...event,
      originalType: "refund",
      resource: refundNoticeResource(keys.merchant, trade, refund, options.wrongAmount),
    },
    options.now,
  );
  return options.badSignature ? corrupted(content) : content;
}

/**
 * A probe: a payment notify whose signature is WeChat's test marker plus random bytes. A
 * merchant that acts on it does not verify signatures.
 */
export function signatureProbe(keys: MerchantKeys, trade: SandboxTrade, now: Date): NotifyContent {
  const content = paymentNotify(keys, trade, { wrongAmount: false, badSignature: false, now });
  return withSignature(content, `${SIGNATURE_PROBE_PREFIX}${randomBytes(SIGNATURE_BYTES).toString("base64")}`);
}
