/**
 * Verification for WeChat Pay API v3 signatures. Merchant side: responses and notifies signed
 * by WeChat (`Wechatpay-*` headers). Provider side (sandbox gateway): a merchant's
 * `Authorization` header. Every function answers with a typed result and never throws on
 * hostile input.
 */
import { verify as rsaVerify, type KeyObject } from "node:crypto";
import { decodeBase64 } from "./base64";
import type { KeyRing } from "./keys";
import {
  SIGNATURE_HEADERS,
  parseAuthorization,
  requestMessage,
  responseMessage,
  type AuthorizationParts,
} from "./sign";

/** WeChat rejects requests older than 5 minutes and tells merchants to do the same (replay). */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** WeChat deliberately sends notifies with this signature prefix to check that merchants verify. */
export const SIGNATURE_PROBE_PREFIX = "WECHATPAY/SIGNTEST/";

const MAX_SIGNATURE_CHARS = 2048;
const MAX_NONCE_CHARS = 64;
const MAX_SERIAL_CHARS = 128;
const TIMESTAMP = /^\d{1,12}$/;

/** RSA-SHA256 (PKCS#1 v1.5) check of a base64 signature; false for anything malformed. */
export function verifyMessage(message: string, signatureBase64: string, publicKey: KeyObject): boolean {
  const signature = signatureBase64.length <= MAX_SIGNATURE_CHARS ? decodeBase64(signatureBase64) : null;
  if (!signature || signature.length === 0) return false;
  try {
    return rsaVerify("RSA-SHA256", Buffer.from(message, "utf8"), publicKey, signature);
  } catch {
    return false;
  }
}

function isFresh(timestamp: string, nowMs: number, maxSkewSeconds: number): boolean {
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= maxSkewSeconds;
}

export type SignedMessageRejection =
  "MALFORMED" | "SIGNATURE_PROBE" | "STALE_TIMESTAMP" | "UNKNOWN_KEY" | "BAD_SIGNATURE";

export type SignedMessageResult =
  { ok: true; serial: string } | { ok: false; reason: SignedMessageRejection; detail: string };

export interface SignedMessageInput {
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
  keys: KeyRing;
  nowMs: number;
  maxSkewSeconds?: number;
}

/** Verifies a response or notify signed by WeChat Pay (message `TIMESTAMP\nNONCE\nBODY\n`). */
export function verifySignedMessage(input: SignedMessageInput): SignedMessageResult {
  const timestamp = input.headers[SIGNATURE_HEADERS.timestamp];
  const nonce = input.headers[SIGNATURE_HEADERS.nonce];
  const signature = input.headers[SIGNATURE_HEADERS.signature];
  const serial = input.headers[SIGNATURE_HEADERS.serial];
  if (!timestamp || !nonce || !signature || !serial) {
    return { ok: false, reason: "MALFORMED", detail: "missing Wechatpay-Timestamp/Nonce/Signature/Serial header" };
  }
  if (signature.startsWith(SIGNATURE_PROBE_PREFIX)) {
    return { ok: false, reason: "SIGNATURE_PROBE", detail: "WeChat Pay signature probe" };
  }
  if (!TIMESTAMP.test(timestamp) || nonce.length > MAX_NONCE_CHARS || serial.length > MAX_SERIAL_CHARS) {
    return { ok: false, reason: "MALFORMED", detail: "malformed signature headers" };
  }
  if (!isFresh(timestamp, input.nowMs, input.maxSkewSeconds ?? MAX_CLOCK_SKEW_SECONDS)) {
    return { ok: false, reason: "STALE_TIMESTAMP", detail: `timestamp ${timestamp} is outside the allowed window` };
  }
  const lookup = input.keys.find(serial, input.nowMs);
  if (!lookup.ok) return { ok: false, reason: "UNKNOWN_KEY", detail: lookup.detail };
  if (!verifyMessage(responseMessage(timestamp, nonce, input.body), signature, lookup.key)) {
    return { ok: false, reason: "BAD_SIGNATURE", detail: "signature does not verify" };
  }
  return { ok: true, serial };
}

export type AuthorizationRejection = "MISSING" | "MALFORMED" | "STALE_TIMESTAMP" | "UNKNOWN_KEY" | "BAD_SIGNATURE";

export type AuthorizationResult =
  { ok: true; credentials: AuthorizationParts } | { ok: false; reason: AuthorizationRejection; detail: string };

export interface AuthorizationInput {
  authorization: string | undefined;
  method: string;
  /** Path plus query exactly as received. */
  pathWithQuery: string;
  body: string;
  nowMs: number;
  /** The merchant's public key for this merchant id and certificate serial, if known. */
  resolveMerchantKey: (mchId: string, serialNo: string) => KeyObject | undefined;
  maxSkewSeconds?: number;
}

/** Provider side (sandbox gateway): checks a merchant request's `Authorization` header. */
export function verifyAuthorization(input: AuthorizationInput): AuthorizationResult {
  if (!input.authorization) return { ok: false, reason: "MISSING", detail: "no Authorization header" };
  const credentials = parseAuthorization(input.authorization);
  if (!credentials || !TIMESTAMP.test(credentials.timestamp)) {
    return { ok: false, reason: "MALFORMED", detail: "Authorization header is not WECHATPAY2-SHA256-RSA2048" };
  }
  if (!isFresh(credentials.timestamp, input.nowMs, input.maxSkewSeconds ?? MAX_CLOCK_SKEW_SECONDS)) {
    return {
      ok: false,
      reason: "STALE_TIMESTAMP",
      detail: `timestamp ${credentials.timestamp} is outside the allowed window`,
    };
  }
  const key = input.resolveMerchantKey(credentials.mchId, credentials.serialNo);
  if (!key) {
    const detail = `no key for merchant ${credentials.mchId} serial ${credentials.serialNo}`;
    return { ok: false, reason: "UNKNOWN_KEY", detail };
  }
  const message = requestMessage({
    method: input.method,
    pathWithQuery: input.pathWithQuery,
    timestamp: credentials.timestamp,
    nonce: credentials.nonce,
    body: input.body,
  });
  if (!verifyMessage(message, credentials.signature, key)) {
    return { ok: false, reason: "BAD_SIGNATURE", detail: "request signature does not verify" };
  }
  return { ok: true, credentials };
}
