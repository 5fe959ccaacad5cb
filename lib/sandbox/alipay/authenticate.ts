import { parseBeijingTime, signContent, verifyParams, type AlipayParams } from "@/lib/payments/alipay";
import { invalidParam, missingParam } from "@/lib/sandbox/alipay/gateway-error";
import { findMerchant } from "@/lib/sandbox/merchants";
import type { MerchantKeys } from "@/lib/sandbox/types";

/**
 * How far the request's `timestamp` (Beijing time) may be from the gateway's clock, either way.
 * Alipay documents no exact window; 15 minutes tolerates ordinary clock drift and refuses
 * replays of captured requests (isv.invalid-timestamp, as Alipay answers a bad timestamp).
 */
export const TIMESTAMP_TOLERANCE_MS = 15 * 60 * 1000;

/** The merchant the request's app_id names: the key that must have signed it. */
export async function identifyMerchant(params: AlipayParams): Promise<MerchantKeys> {
  const appId = params.app_id;
  if (!appId) throw missingParam("isv.missing-app-id", "缺少AppID参数");
  const keys = await findMerchant("ALIPAY", { appId });
  if (!keys) throw invalidParam("isv.invalid-app-id", "无效的AppID参数");
  return keys;
}

/** The checks Alipay's gateway makes on the common params before any business logic. */
export function checkCommonParams(params: AlipayParams, keys: MerchantKeys, now: Date): void {
  if (!params.method) throw missingParam("isv.missing-method", "缺少方法名参数");
  if (!params.sign_type) throw missingParam("isv.missing-signature-type", "缺少签名类型参数");
  if (params.sign_type !== "RSA2") {
    throw invalidParam("isv.invalid-signature-type", "无效的签名类型（沙箱只支持 RSA2）");
  }
  if (!params.sign) throw missingParam("isv.missing-signature", "缺少签名参数");
  if (!verifyParams(params, "request", keys.merchant.merchantPublicKeyPem)) {
    // Alipay shows the string it verified, which is what a developer needs to find the mismatch.
    throw invalidParam(
      "isv.invalid-signature",
      `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${signContent(params, "request")}`,
    );
  }

  if (!params.timestamp) throw missingParam("isv.missing-timestamp", "缺少时间戳参数");
  const sentAt = parseBeijingTime(params.timestamp);
  if (!sentAt || Math.abs(now.getTime() - sentAt.getTime()) > TIMESTAMP_TOLERANCE_MS) {
    throw invalidParam("isv.invalid-timestamp", "非法的时间戳参数");
  }
  if (!params.version) throw missingParam("isv.missing-version", "缺少版本参数");
  if (params.version !== "1.0") throw invalidParam("isv.invalid-parameter", "参数无效（version 只能是 1.0）");
  if (params.charset?.toLowerCase() !== "utf-8") {
    throw invalidParam("isv.invalid-charset", "字符集错误（沙箱只支持 utf-8）");
  }
  if (params.format !== undefined && params.format.toUpperCase() !== "JSON") {
    throw invalidParam("isv.invalid-format", "无效的数据格式");
  }
}
