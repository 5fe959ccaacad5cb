/** Order operations: Native, H5 and JSAPI orders, query by out_trade_no, close. */
import { env } from "@/lib/env";
import type { MerchantKeys } from "@/lib/sandbox/types";
import { closeTrade, findTrade, openTrade } from "@/lib/sandbox/trades";
import { WechatApiError, asWechatRefusal, invalidRequest, paramError, refusalError } from "./api-error";
import type { Answer, CallContext } from "./call";
import { isIssuedOpenid, prepayIdOf } from "./oauth";
import { closeOrderSchema, h5OrderSchema, jsapiOrderSchema, nativeOrderSchema, parseJsonBody } from "./request-schemas";
import { transactionResource } from "./resources";

/** How long an order placed without time_expire stays payable (WeChat's default for a code_url). */
const DEFAULT_LIFETIME_MS = 2 * 60 * 60 * 1000;

/** Where the payer "scans": the sandbox phone page serves both the QR code and the H5 redirect. */
function phonePageUrl(tradeId: string): string {
  return `${env().APP_URL}/sandbox/pay/${tradeId}`;
}

/** A merchant may only act for itself, and only with an app id bound to it. */
function assertOwnMerchant(keys: MerchantKeys, mchid: string, appid?: string): void {
  if (mchid !== keys.merchant.merchantId) throw invalidRequest("mchid 与请求签名的商户号不一致");
  if (appid !== undefined && appid !== keys.merchant.appId) {
    throw new WechatApiError(400, "APPID_MCHID_NOT_MATCH", "AppID和mch_id不匹配");
  }
}

const CHANNELS = { native: "QR", h5: "H5", jsapi: "JSAPI" } as const;

function orderOf(channel: keyof typeof CHANNELS, body: string) {
  if (channel === "jsapi") return parseJsonBody(jsapiOrderSchema, body);
  return { ...parseJsonBody(channel === "native" ? nativeOrderSchema : h5OrderSchema, body), payer: undefined };
}

/** The answer WeChat gives per product: the QR's URL, the H5 page, or a prepay_id for the JSAPI bridge. */
function createdAnswer(channel: keyof typeof CHANNELS, tradeId: string) {
  if (channel === "jsapi") return { prepay_id: prepayIdOf(tradeId) };
  const url = phonePageUrl(tradeId);
  return channel === "native" ? { code_url: url } : { h5_url: url };
}

export async function createOrder(ctx: CallContext, channel: keyof typeof CHANNELS): Promise<Answer> {
  const order = orderOf(channel, ctx.body);
  assertOwnMerchant(ctx.keys, order.mchid, order.appid);
  // An openid belongs to one app id: WeChat refuses another account's.
  if (order.payer && !(await isIssuedOpenid(ctx.keys.merchant.appId, order.payer.openid))) {
    throw paramError("appid和openid不匹配");
  }
  const trade = await asWechatRefusal(
    openTrade({
      merchantId: ctx.keys.merchant.id,
      outTradeNo: order.out_trade_no,
      channel: CHANNELS[channel],
      amountFen: order.amount.total,
      description: order.description,
      // No returnUrl: for H5 the merchant appends redirect_url to h5_url itself, WeChat never sees it.
      notifyUrl: order.notify_url,
      expiresAt: order.time_expire ?? new Date(ctx.now.getTime() + DEFAULT_LIFETIME_MS),
    }),
    "order",
  );
  return { status: 200, json: createdAnswer(channel, trade.id) };
}

export async function queryOrder(ctx: CallContext, outTradeNo: string): Promise<Answer> {
  const mchid = ctx.query.get("mchid");
  if (!mchid) throw paramError("mchid");
  assertOwnMerchant(ctx.keys, mchid);
  const trade = await findTrade(ctx.keys.merchant.id, outTradeNo);
  if (!trade) throw refusalError("TRADE_NOT_FOUND", "order");
  return { status: 200, json: transactionResource(ctx.keys.merchant, trade, Boolean(ctx.faults.wrongAmount)) };
}

/** 204 with no body; closing a closed order again is fine, closing a paid one is ORDERPAID. */
export async function closeOrder(ctx: CallContext, outTradeNo: string): Promise<Answer> {
  const { mchid } = parseJsonBody(closeOrderSchema, ctx.body);
  assertOwnMerchant(ctx.keys, mchid);
  await asWechatRefusal(closeTrade(ctx.keys.merchant.id, outTradeNo), "order");
  return { status: 204 };
}
