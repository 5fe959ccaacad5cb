/** WeChat Pay v3 JSAPI: the order for a payer known by openid, and the page's signed pay parameters. */
import type { KeyObject } from "node:crypto";
import type { JsapiPayment, JsapiPaymentInput, JsapiPayParams } from "@/lib/payments/types";
import type { WechatClient } from "./client";
import type { ResolvedWechatConfig } from "./config";
import { readSuccess } from "./reply";
import { jsapiOrderSchema } from "./schemas";
import { createNonce, signedMessage, signMessage, unixSeconds } from "./sign";
import { orderBody, orderSummary } from "./transactions";

const OPENID = /^[A-Za-z0-9_-]{1,128}$/;

export function createJsapiOrder(
  client: WechatClient,
  merchant: Pick<ResolvedWechatConfig, "appId" | "mchId">,
  input: JsapiPaymentInput,
): Promise<JsapiPayment> {
  if (!OPENID.test(input.openid)) throw new RangeError("openid must be 1-128 characters of A-Z a-z 0-9 _ -");
  const body = { ...orderBody(merchant, input), payer: { openid: input.openid } };
  return client.call(
    {
      operation: "create_jsapi",
      method: "POST",
      path: "/v3/pay/transactions/jsapi",
      body,
      orderNo: input.orderNo,
      // The openid identifies a person: it stays out of the call record.
      summary: orderSummary(body),
    },
    (reply) => {
      const { prepay_id: prepayId } = readSuccess(reply, jsapiOrderSchema);
      return { value: { prepayId }, summary: { prepay_id: prepayId } };
    },
  );
}

export interface PayParamsInput {
  appId: string;
  prepayId: string;
  privateKey: KeyObject;
  nowMs: number;
  nonce?: string;
}

/** The message paySign signs: `appId\ntimeStamp\nnonceStr\npackage\n`. */
export function payMessage(params: Pick<JsapiPayParams, "appId" | "timeStamp" | "nonceStr" | "package">): string {
  return signedMessage([params.appId, params.timeStamp, params.nonceStr, params.package]);
}

/**
 * getBrandWCPayRequest's parameters; paySign is RSA-SHA256 with the merchant key over
 * `appId\ntimeStamp\nnonceStr\npackage\n`. Signed here, never in the browser.
 */
export function jsapiPayParams(input: PayParamsInput): JsapiPayParams {
  const timeStamp = unixSeconds(input.nowMs);
  const nonceStr = input.nonce ?? createNonce();
  const pkg = `prepay_id=${input.prepayId}`;
  const unsigned = { appId: input.appId, timeStamp, nonceStr, package: pkg };
  return { ...unsigned, signType: "RSA", paySign: signMessage(payMessage(unsigned), input.privateKey) };
}
