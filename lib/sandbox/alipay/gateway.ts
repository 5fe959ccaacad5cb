import type { AlipayParams } from "@/lib/payments/alipay";
import { logger } from "@/lib/log/logger";
import { ERROR_METHOD, errorPage, jsonAnswer, redirectAnswer } from "@/lib/sandbox/alipay/answers";
import { checkCommonParams, identifyMerchant } from "@/lib/sandbox/alipay/authenticate";
import { outTradeNoOf, parseBizObject } from "@/lib/sandbox/alipay/biz-content";
import { GatewayError, invalidParam, unavailable } from "@/lib/sandbox/alipay/gateway-error";
import type { ApiMethod } from "@/lib/sandbox/alipay/methods/call";
import { billDownloadUrl } from "@/lib/sandbox/alipay/methods/bills";
import { close } from "@/lib/sandbox/alipay/methods/close";
import { precreate } from "@/lib/sandbox/alipay/methods/precreate";
import { query } from "@/lib/sandbox/alipay/methods/query";
import { refund } from "@/lib/sandbox/alipay/methods/refund";
import { refundQuery } from "@/lib/sandbox/alipay/methods/refund-query";
import { pagePay } from "@/lib/sandbox/alipay/methods/page-pay";
import { wapPay } from "@/lib/sandbox/alipay/methods/wap-pay";
import { readGatewayParams } from "@/lib/sandbox/alipay/read-request";
import { faultsFor } from "@/lib/sandbox/faults";
import { simulatedOutage } from "@/lib/sandbox/outage";
import type { MerchantKeys } from "@/lib/sandbox/types";

/** The page methods: the payer's browser calls them, so they answer with a redirect or an HTML page. */
const WAP_PAY = "alipay.trade.wap.pay";
const PAGE_PAY = "alipay.trade.page.pay";
const pageMethods = new Set([WAP_PAY, PAGE_PAY]);

// A Map, so a method named like an Object.prototype member ("constructor") is simply unknown.
const apiMethods = new Map<string, ApiMethod>([
  ["alipay.trade.precreate", precreate],
  ["alipay.trade.query", query],
  ["alipay.trade.close", close],
  ["alipay.trade.refund", refund],
  ["alipay.trade.fastpay.refund.query", refundQuery],
  ["alipay.data.dataservice.bill.downloadurl.query", billDownloadUrl],
]);

/**
 * How a refusal is shown: an error page for the browser of a page method; otherwise JSON under
 * the method's response key (error_response for no known method), signed once the merchant is
 * known, echoing out_trade_no on business errors as Alipay does.
 */
function refusal(params: AlipayParams, outTradeNo: string | undefined) {
  const method = params.method ?? "";
  return (error: GatewayError, keys: MerchantKeys | null): Response => {
    if (pageMethods.has(method)) return errorPage(error);
    const echo = error.code === "40004" && outTradeNo !== undefined ? { out_trade_no: outTradeNo } : {};
    const key = apiMethods.has(method) ? method : ERROR_METHOD;
    return jsonAnswer(key, { ...error.fields, ...echo }, keys?.providerPrivateKeyPem ?? null);
  };
}

async function serve(request: Request, params: AlipayParams, now: Date): Promise<Response> {
  const biz = parseBizObject(params.biz_content);
  const outTradeNo = outTradeNoOf(biz);
  const refuse = refusal(params, outTradeNo);

  let keys: MerchantKeys;
  try {
    keys = await identifyMerchant(params);
  } catch (error) {
    if (error instanceof GatewayError) return refuse(error, null);
    throw error;
  }

  try {
    checkCommonParams(params, keys, now);
    const faults = await faultsFor(keys.merchant.id, outTradeNo);
    const outage = await simulatedOutage(faults, request.signal);
    if (outage) return outage;

    const call = { keys, params, biz, faults, now };
    const method = params.method ?? "";
    if (method === WAP_PAY) return redirectAnswer(await wapPay(call));
    if (method === PAGE_PAY) return redirectAnswer(await pagePay(call));
    const api = apiMethods.get(method);
    if (!api) throw invalidParam("isv.invalid-method", "不存在的方法名");
    return jsonAnswer(method, { code: "10000", msg: "Success", ...(await api(call)) }, keys.providerPrivateKeyPem);
  } catch (error) {
    if (error instanceof GatewayError) return refuse(error, keys);
    // Alipay's answer to its own failure: retry later, the same request is safe to repeat.
    logger.error("sandbox alipay gateway failed", { method: params.method, error });
    return refuse(unavailable(), keys);
  }
}

/** <APP_URL>/sandbox/alipay/gateway.do, GET or POST. Never throws: every failure is an Alipay answer. */
export async function handleGateway(request: Request): Promise<Response> {
  const now = new Date();
  try {
    const read = await readGatewayParams(request);
    if (!read.ok) {
      const unreadable = invalidParam("isv.invalid-parameter", `参数无效: ${read.detail}`);
      return jsonAnswer(ERROR_METHOD, unreadable.fields, null);
    }
    return await serve(request, read.params, now);
  } catch (error) {
    logger.error("sandbox alipay gateway failed", { error });
    return jsonAnswer(ERROR_METHOD, unavailable().fields, null);
  }
}
