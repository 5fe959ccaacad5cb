/** WeChat Pay API v3 behind our provider-neutral PaymentAdapter. */
import type { AdapterDeps, PaymentAdapter } from "@/lib/payments/types";
import { createWechatClient } from "./client";
import { resolveWechatConfig, type WechatPayConfig } from "./config";
import { createWechatBills } from "./bills";
import { createJsapiOrder, jsapiPayParams } from "./jsapi";
import { answerNotify, verifyPaymentNotify, verifyRefundNotify } from "./notify";
import { createRefund, queryRefund } from "./refunds";
import { authorizeUrl, exchangeCode } from "./oauth";
import { closeOrder, createH5Order, createNativeOrder, queryOrder } from "./transactions";

/**
 * Throws (naming the field, never its value) if the config is unusable. Operations reject with
 * ProviderError for provider/transport failures and RangeError for invalid input.
 */
export function createWechatAdapter(config: WechatPayConfig, deps: AdapterDeps = {}): PaymentAdapter {
  const resolved = resolveWechatConfig(config);
  const client = createWechatClient(resolved, deps);
  const now = deps.now ?? Date.now;

  // `async` so that input checks reject the promise instead of throwing synchronously.
  return {
    provider: "WECHAT",
    createQrPayment: async (input) => createNativeOrder(client, resolved, input),
    createH5Payment: async (input) => createH5Order(client, resolved, input),
    queryPayment: async (orderNo) => queryOrder(client, resolved, orderNo),
    closePayment: async (orderNo) => closeOrder(client, resolved, orderNo),
    refund: async (input) => createRefund(client, input),
    queryRefund: async (orderNo, refundNo) => queryRefund(client, orderNo, refundNo),
    verifyPaymentNotify: async (notify) => verifyPaymentNotify(notify, resolved, now()),
    verifyRefundNotify: async (notify) => verifyRefundNotify(notify, resolved, now()),
    answerNotify,
    bills: createWechatBills(client, resolved, deps),
    inApp: {
      appId: resolved.appId,
      authorizeUrl: (redirectUri, state) => authorizeUrl(resolved, redirectUri, state),
      exchangeCode: async (code) => exchangeCode(resolved, code, deps),
      createJsapiPayment: async (input) => createJsapiOrder(client, resolved, input),
      payParams: (prepayId) =>
        jsapiPayParams({ appId: resolved.appId, prepayId, privateKey: resolved.merchantPrivateKey, nowMs: now() }),
    },
  };
}
