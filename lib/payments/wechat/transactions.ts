/** WeChat Pay v3 trade operations: Native and H5 orders, query, close. */
import {
  ProviderError,
  type CreatePaymentInput,
  type H5Payment,
  type QrPayment,
  type TradeStatus,
} from "@/lib/payments/types";
import type { WechatClient } from "./client";
import type { ResolvedWechatConfig } from "./config";
import { assertDescription, assertFen, assertOrderNo } from "./input";
import { toTradeStatus } from "./mapping";
import { errorCode, isSuccess, readSuccess, rejection } from "./reply";
import { h5OrderSchema, nativeOrderSchema, transactionSchema } from "./schemas";
import { toWechatTime } from "./time";

type Merchant = Pick<ResolvedWechatConfig, "appId" | "mchId">;

function orderPath(orderNo: string): string {
  return `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNo)}`;
}

export function orderBody(merchant: Merchant, input: CreatePaymentInput) {
  assertOrderNo(input.orderNo);
  assertFen(input.amountFen, "amountFen");
  assertDescription(input.description);
  return {
    appid: merchant.appId,
    mchid: merchant.mchId,
    description: input.description,
    out_trade_no: input.orderNo,
    time_expire: toWechatTime(input.expiresAt),
    notify_url: input.notifyUrl,
    amount: { total: input.amountFen, currency: "CNY" },
  };
}

export function orderSummary(body: ReturnType<typeof orderBody>): Record<string, unknown> {
  return {
    orderNo: body.out_trade_no,
    amountFen: body.amount.total,
    currency: body.amount.currency,
    description: body.description,
    timeExpire: body.time_expire,
    notifyUrl: body.notify_url,
  };
}

export function createNativeOrder(
  client: WechatClient,
  merchant: Merchant,
  input: CreatePaymentInput,
): Promise<QrPayment> {
  const body = orderBody(merchant, input);
  const path = "/v3/pay/transactions/native";
  return client.call(
    { operation: "create_qr", method: "POST", path, body, orderNo: input.orderNo, summary: orderSummary(body) },
    (reply) => {
      const { code_url: codeUrl } = readSuccess(reply, nativeOrderSchema);
      return { value: { codeUrl }, summary: { code_url: codeUrl } };
    },
  );
}

/** WeChat returns the payer to `redirect_url` appended (URL-encoded) to `h5_url`. */
function withReturnUrl(h5Url: string, returnUrl: string | undefined): string {
  if (!returnUrl) return h5Url;
  return `${h5Url}${h5Url.includes("?") ? "&" : "?"}redirect_url=${encodeURIComponent(returnUrl)}`;
}

export function createH5Order(client: WechatClient, merchant: Merchant, input: CreatePaymentInput): Promise<H5Payment> {
  if (!input.clientIp) throw new RangeError("clientIp is required for WeChat H5 payments");
  const body = {
    ...orderBody(merchant, input),
    scene_info: { payer_client_ip: input.clientIp, h5_info: { type: "Wap" } },
  };
  const path = "/v3/pay/transactions/h5";
  return client.call(
    { operation: "create_h5", method: "POST", path, body, orderNo: input.orderNo, summary: orderSummary(body) },
    (reply) => {
      const { h5_url: h5Url } = readSuccess(reply, h5OrderSchema);
      return { value: { url: withReturnUrl(h5Url, input.returnUrl) }, summary: { h5_url: h5Url } };
    },
  );
}

export function queryOrder(client: WechatClient, merchant: Merchant, orderNo: string): Promise<TradeStatus> {
  assertOrderNo(orderNo);
  const query = { mchid: merchant.mchId };
  return client.call<TradeStatus>(
    { operation: "query", method: "GET", path: orderPath(orderNo), query, orderNo, summary: { orderNo } },
    (reply) => {
      if (reply.status === 404 && errorCode(reply) === "ORDER_NOT_EXIST") {
        // "Never paid" decides whether an order may be closed, so only a signed answer counts.
        if (!reply.signed) {
          throw new ProviderError(
            "WECHAT",
            "BAD_RESPONSE_SIGNATURE",
            "unsigned ORDER_NOT_EXIST",
            "ORDER_NOT_EXIST",
            404,
          );
        }
        return { value: { orderNo, state: "NOT_FOUND" }, summary: { code: "ORDER_NOT_EXIST" } };
      }
      const tx = readSuccess(reply, transactionSchema);
      if (tx.out_trade_no !== orderNo) {
        const message = `answer is about order ${tx.out_trade_no}`;
        throw new ProviderError("WECHAT", "INVALID_RESPONSE", message, undefined, reply.status);
      }
      return {
        value: toTradeStatus(tx),
        summary: {
          trade_state: tx.trade_state,
          transaction_id: tx.transaction_id,
          amount: tx.amount,
          mchid: tx.mchid,
          appid: tx.appid,
        },
      };
    },
  );
}

export function closeOrder(client: WechatClient, merchant: Merchant, orderNo: string): Promise<void> {
  assertOrderNo(orderNo);
  const body = { mchid: merchant.mchId };
  return client.call(
    { operation: "close", method: "POST", path: `${orderPath(orderNo)}/close`, body, orderNo, summary: { orderNo } },
    (reply) => {
      if (!isSuccess(reply)) throw rejection(reply);
      return { value: undefined, summary: { status: reply.status } };
    },
  );
}
