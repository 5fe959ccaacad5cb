import { z } from "zod";
import { parseBeijingTime, yuanToFen } from "@/lib/payments/alipay";
import { businessError, invalidParam } from "@/lib/sandbox/alipay/gateway-error";

/**
 * The business params of each method, read from the `biz_content` JSON. Amounts become integer
 * fen exactly (Alipay accepts "12.34" or 12.34; both go through the same string parser) and
 * times become Dates, so nothing past this file sees Alipay's formats.
 */

const orderNo = z.string().min(1).max(64);

const fen = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const parsed = yuanToFen(String(value));
  if (parsed === undefined || parsed < 1) {
    ctx.addIssue("must be a yuan amount of at least 0.01 with at most two decimals");
    return z.NEVER;
  }
  return parsed;
});

const beijingTime = z.string().transform((text, ctx) => {
  const date = parseBeijingTime(text);
  if (!date) {
    ctx.addIssue("must be yyyy-MM-dd HH:mm:ss (Beijing time)");
    return z.NEVER;
  }
  return date;
});

/** precreate and wap.pay: the order to open. */
export const newTradeBiz = z.object({
  out_trade_no: orderNo,
  total_amount: fen,
  subject: z.string().min(1).max(256),
  time_expire: beijingTime.optional(),
  seller_id: z.string().optional(),
});

/** page.pay's own params, besides the trade's: Alipay's product code and how the cashier shows. */
export const pagePayBiz = z.object({
  product_code: z.literal("FAST_INSTANT_TRADE_PAY"),
  qr_pay_mode: z.enum(["0", "1", "2", "3", "4"]).optional(),
  qrcode_width: z
    .string()
    .regex(/^[1-9]\d{1,3}$/)
    .optional(),
});

/** The sandbox finds trades by out_trade_no only (trade_no lookups are not supported). */
export const tradeRefBiz = z.object({ out_trade_no: orderNo });

export const refundBiz = z.object({
  out_trade_no: orderNo,
  refund_amount: fen,
  out_request_no: orderNo,
  refund_reason: z.string().max(256).optional(),
});

export const refundQueryBiz = z.object({
  out_trade_no: orderNo,
  out_request_no: orderNo,
  query_options: z.array(z.string()).optional(),
});

const bizObject = z.record(z.string(), z.unknown());

/** The decoded biz_content object, or undefined when it is missing or not a JSON object. */
export function parseBizObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = bizObject.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The out_trade_no a request is about, read leniently: it scopes faults and is echoed in errors. */
export function outTradeNoOf(biz: Record<string, unknown> | undefined): string | undefined {
  const value = biz?.out_trade_no;
  return typeof value === "string" && orderNo.safeParse(value).success ? value : undefined;
}

/** The method's business params; refused as Alipay does when biz_content is unusable. */
export function readBiz<Schema extends z.ZodType>(
  schema: Schema,
  biz: Record<string, unknown> | undefined,
): z.infer<Schema> {
  if (!biz) throw invalidParam("isv.invalid-parameter", "参数无效: biz_content 必须是 JSON 对象");
  const result = schema.safeParse(biz);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const where = issue?.path.join(".") || "biz_content";
  throw businessError("ACQ.INVALID_PARAMETER", `参数无效: ${where} ${issue?.message ?? ""}`.trim());
}
