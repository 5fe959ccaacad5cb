/**
 * Signing for WeChat Pay API v3: the signed-message format, RSA-SHA256 signatures, nonces and
 * the `Authorization` header. Both sides live here because our sandbox gateway plays WeChat:
 * merchants sign requests, the provider signs responses and notifies — same message format.
 */
import { createSign, randomBytes, type KeyObject } from "node:crypto";

export const AUTH_SCHEME = "WECHATPAY2-SHA256-RSA2048";

/** Response/notify signature headers, lower-cased as fetch and our notify routes deliver them. */
export const SIGNATURE_HEADERS = {
  timestamp: "wechatpay-timestamp",
  nonce: "wechatpay-nonce",
  signature: "wechatpay-signature",
  serial: "wechatpay-serial",
} as const;

/** WeChat's signed message: every part followed by "\n", including the last one. */
export function signedMessage(parts: readonly string[]): string {
  return parts.map((part) => `${part}\n`).join("");
}

export interface RequestMessageParts {
  method: string;
  /** Path plus query exactly as sent, e.g. `/v3/pay/transactions/out-trade-no/A1?mchid=1`. */
  pathWithQuery: string;
  timestamp: string;
  nonce: string;
  /** Raw body; empty for GET. */
  body: string;
}

export function requestMessage(parts: RequestMessageParts): string {
  return signedMessage([parts.method.toUpperCase(), parts.pathWithQuery, parts.timestamp, parts.nonce, parts.body]);
}

/** Message signed in `Wechatpay-Signature` on responses and notifies. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return signedMessage([timestamp, nonce, body]);
}

export function signMessage(message: string, privateKey: KeyObject): string {
  return createSign("RSA-SHA256").update(message, "utf8").sign(privateKey, "base64");
}

/** 32 hex characters from the CSPRNG: a predictable nonce would let a captured request be replayed. */
export function createNonce(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

export function unixSeconds(nowMs: number): string {
  return String(Math.floor(nowMs / 1000));
}

export interface AuthorizationParts {
  mchId: string;
  nonce: string;
  timestamp: string;
  serialNo: string;
  signature: string;
}

export function buildAuthorization(parts: AuthorizationParts): string {
  return (
    `${AUTH_SCHEME} mchid="${parts.mchId}",nonce_str="${parts.nonce}",timestamp="${parts.timestamp}",` +
    `serial_no="${parts.serialNo}",signature="${parts.signature}"`
  );
}

const AUTH_FIELDS = {
  mchid: "mchId",
  nonce_str: "nonce",
  timestamp: "timestamp",
  serial_no: "serialNo",
  signature: "signature",
} as const;
type AuthField = keyof typeof AUTH_FIELDS;
const MAX_AUTHORIZATION_LENGTH = 4096;

function isAuthField(name: string): name is AuthField {
  return Object.hasOwn(AUTH_FIELDS, name);
}

/** Parses an Authorization header; null unless it has our scheme and each field exactly once. */
export function parseAuthorization(header: string): AuthorizationParts | null {
  if (header.length > MAX_AUTHORIZATION_LENGTH || !header.startsWith(`${AUTH_SCHEME} `)) return null;
  const found: Partial<AuthorizationParts> = {};
  for (const pair of header.slice(AUTH_SCHEME.length + 1).split(",")) {
    const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(pair);
    if (!match) return null;
    const [, name = "", value = ""] = match;
    if (!isAuthField(name)) return null;
    const key = AUTH_FIELDS[name];
    if (found[key] !== undefined || value === "") return null;
    found[key] = value;
  }
  const { mchId, nonce, timestamp, serialNo, signature } = found;
  if (!mchId || !nonce || !timestamp || !serialNo || !signature) return null;
  return { mchId, nonce, timestamp, serialNo, signature };
}

export interface SignRequestInput {
  method: string;
  pathWithQuery: string;
  body: string;
  mchId: string;
  serialNo: string;
  privateKey: KeyObject;
  nowMs: number;
}

/** Merchant side: the Authorization header value for one request. */
export function signRequest(input: SignRequestInput): string {
  const timestamp = unixSeconds(input.nowMs);
  const nonce = createNonce();
  const signature = signMessage(
    requestMessage({ method: input.method, pathWithQuery: input.pathWithQuery, timestamp, nonce, body: input.body }),
    input.privateKey,
  );
  return buildAuthorization({ mchId: input.mchId, nonce, timestamp, serialNo: input.serialNo, signature });
}

export interface SignResponseInput {
  body: string;
  privateKey: KeyObject;
  /** Platform certificate serial or `PUB_KEY_ID_…` the receiver will look the key up by. */
  serial: string;
  nowMs: number;
}

/**
 * Provider side (sandbox gateway): the `Wechatpay-*` headers for a response or a notify body.
 * Header names are WeChat's canonical spelling; HTTP makes them case-insensitive.
 */
export function signResponse(input: SignResponseInput): Record<string, string> {
  const timestamp = unixSeconds(input.nowMs);
  const nonce = createNonce();
  return {
    "Wechatpay-Timestamp": timestamp,
    "Wechatpay-Nonce": nonce,
    "Wechatpay-Signature": signMessage(responseMessage(timestamp, nonce, input.body), input.privateKey),
    "Wechatpay-Serial": input.serial,
    "Wechatpay-Signature-Type": AUTH_SCHEME,
  };
}
