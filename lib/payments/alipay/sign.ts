import { createSign, createVerify, type KeyObject } from "node:crypto";

/**
 * RSA2 (SHA256withRSA) over Alipay's "sorted params" string, for both sides of the wire:
 * we sign requests and verify notifies; a gateway playing Alipay verifies requests and signs
 * notifies. Values are the decoded strings (never URL-encoded), JSON-valued fields such as
 * fund_bill_list stay the exact strings received, and empty values are left out — as in
 * Alipay's own Java SDK (AlipaySignature.getSignContent / getSignCheckContentV1).
 */

export type AlipayParams = Readonly<Record<string, string>>;

/** Requests sign every param but `sign`; async notifies also leave `sign_type` out. */
export type SignScope = "request" | "notify";

/** A PEM string or a KeyObject. */
export type RsaKey = KeyObject | string;

const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

export function signContent(params: AlipayParams, scope: SignScope): string {
  return Object.keys(params)
    .filter((key) => key !== "sign" && !(scope === "notify" && key === "sign_type") && params[key] !== "")
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
}

export function rsa2Sign(content: string, privateKey: RsaKey): string {
  return createSign("RSA-SHA256").update(content, "utf8").sign(privateKey, "base64");
}

/** Never throws: a malformed signature or key is simply not a valid signature. */
export function rsa2Verify(content: string, signature: string, publicKey: RsaKey): boolean {
  if (!BASE64_PATTERN.test(signature)) return false;
  try {
    return createVerify("RSA-SHA256").update(content, "utf8").verify(publicKey, signature, "base64");
  } catch {
    return false;
  }
}

/** Returns the params with `sign_type=RSA2` and `sign` added. */
export function signParams(params: AlipayParams, scope: SignScope, privateKey: RsaKey): Record<string, string> {
  const typed = { ...params, sign_type: "RSA2" };
  return { ...typed, sign: rsa2Sign(signContent(typed, scope), privateKey) };
}

/** True only for an RSA2 `sign` that covers exactly these params. */
export function verifyParams(params: AlipayParams, scope: SignScope, publicKey: RsaKey): boolean {
  const signature = params.sign;
  if (params.sign_type !== "RSA2" || signature === undefined) return false;
  return rsa2Verify(signContent(params, scope), signature, publicKey);
}
