/**
 * The request bodies the gateway accepts, checked as WeChat checks them: field names, formats
 * and limits from the v3 API reference. Unknown fields are ignored, as WeChat ignores them.
 */
import { z } from "zod";
import { parseWechatTime } from "@/lib/payments/wechat";
import { paramError } from "./api-error";

const ORDER_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
const REFUND_NO = /^[A-Za-z0-9_\-|*@]{1,64}$/;

/** WeChat counts characters, not UTF-16 units. */
const text = (max: number) => z.string().refine((value) => value.length > 0 && Array.from(value).length <= max);
const identifier = z.string().min(1).max(32);
/** Amounts are integer fen; the database column is a 32-bit integer. */
const fen = z.int32().positive();
/** WeChat demands https in production; the sandbox also takes http, for a local app. */
const notifyUrl = z.url({ protocol: /^https?$/ }).max(256);
const wechatTime = z.string().transform((value, ctx) => {
  const date = parseWechatTime(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "not an RFC 3339 time" });
    return z.NEVER;
  }
  return date;
});

const orderFields = {
  appid: identifier,
  mchid: identifier,
  description: text(127),
  out_trade_no: z.string().regex(ORDER_NO),
  time_expire: wechatTime.optional(),
  notify_url: notifyUrl,
  amount: z.object({ total: fen, currency: z.literal("CNY").optional() }),
};

export const nativeOrderSchema = z.object(orderFields);

export const h5OrderSchema = z.object({
  ...orderFields,
  scene_info: z.object({
    payer_client_ip: z.union([z.ipv4(), z.ipv6()]),
    h5_info: z.object({ type: z.enum(["iOS", "Android", "Wap"]) }),
  }),
});

export const jsapiOrderSchema = z.object({
  ...orderFields,
  payer: z.object({ openid: z.string().min(1).max(128) }),
});

export const closeOrderSchema = z.object({ mchid: identifier });

/** The sandbox finds the order by out_trade_no only (WeChat also takes transaction_id). */
export const refundSchema = z.object({
  out_trade_no: z.string().regex(ORDER_NO),
  out_refund_no: z.string().regex(REFUND_NO),
  reason: text(80).optional(),
  notify_url: notifyUrl.optional(),
  amount: z.object({ refund: fen, total: fen, currency: z.literal("CNY") }),
});

/** The body as `schema` reads it; PARAM_ERROR naming the fields (never their values) otherwise. */
export function parseJsonBody<Schema extends z.ZodType>(schema: Schema, body: string): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw paramError("请求体不是合法的 JSON");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "body"))];
    throw paramError(fields.join(", "));
  }
  return parsed.data;
}
