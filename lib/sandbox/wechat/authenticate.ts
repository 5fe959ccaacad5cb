/**
 * Who is calling: the merchant named by the `Authorization` header, and whether that merchant
 * really signed this request (method, path and query as received, timestamp, nonce, body).
 */
import { loadRsaPublicKey, parseAuthorization, verifyAuthorization } from "@/lib/payments/wechat";
import { findMerchant } from "@/lib/sandbox/merchants";
import type { MerchantKeys } from "@/lib/sandbox/types";
import { signError, type WechatApiError } from "./api-error";

/** The merchant the header claims to be; null for a missing or malformed header or an unknown mchid. */
export async function claimedMerchant(request: Request): Promise<MerchantKeys | null> {
  const header = request.headers.get("authorization");
  const parts = header ? parseAuthorization(header) : null;
  return parts ? findMerchant("WECHAT", { merchantId: parts.mchId }) : null;
}

/** Null when the merchant signed this exact request within the last 5 minutes; else SIGN_ERROR. */
export function checkAuthorization(
  request: Request,
  keys: MerchantKeys,
  body: string,
  nowMs: number,
): WechatApiError | null {
  const url = new URL(request.url);
  const result = verifyAuthorization({
    authorization: request.headers.get("authorization") ?? undefined,
    method: request.method,
    // The signed path includes any prefix the gateway is mounted under (/sandbox/wechat).
    pathWithQuery: `${url.pathname}${url.search}`,
    body,
    nowMs,
    // As at WeChat, the key is the one of the merchant certificate serial_no names.
    resolveMerchantKey: (mchId, serialNo) =>
      mchId === keys.merchant.merchantId && serialNo === keys.merchant.merchantSerialNo
        ? loadRsaPublicKey(keys.merchant.merchantPublicKeyPem, "sandbox merchant public key")
        : undefined,
  });
  return result.ok ? null : signError(result.detail);
}
