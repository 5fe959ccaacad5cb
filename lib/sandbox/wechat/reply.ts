/**
 * Gateway answers. WeChat signs every answer of a known merchant, errors included, with the
 * `Wechatpay-*` headers over `TIMESTAMP\nNONCE\nBODY\n`; an empty 204 is signed over "".
 */
import { randomUUID } from "node:crypto";
import { signResponse } from "@/lib/payments/wechat";
import type { MerchantKeys } from "@/lib/sandbox/types";
import type { WechatApiError } from "./api-error";
import type { Answer } from "./call";
import { providerSigner } from "./provider-keys";

function headers(body: string, keys: MerchantKeys | null): Record<string, string> {
  // WeChat tags every answer with a Request-ID for support cases; merchants log it.
  const common = { "Request-ID": randomUUID() };
  if (!keys) return common;
  const { privateKey, serial } = providerSigner(keys);
  return { ...common, ...signResponse({ body, privateKey, serial, nowMs: Date.now() }) };
}

function json(status: number, value: unknown, keys: MerchantKeys | null): Response {
  const body = JSON.stringify(value);
  return new Response(body, {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers(body, keys) },
  });
}

export function answerResponse(answer: Answer, keys: MerchantKeys): Response {
  if (answer.status === 204) return new Response(null, { status: 204, headers: headers("", keys) });
  if ("file" in answer) {
    return new Response(new Uint8Array(answer.file), {
      status: 200,
      headers: { "Content-Type": "application/octet-stream", "Request-ID": randomUUID() },
    });
  }
  return json(answer.status, answer.json, keys);
}

/** `keys` null: the caller is not a known merchant, so there is no key to sign with. */
export function errorResponse(error: WechatApiError, keys: MerchantKeys | null): Response {
  return json(error.status, { code: error.code, message: error.message }, keys);
}
