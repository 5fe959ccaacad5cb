import { z } from "zod";
import { yuanToFen } from "./amount";
import { parseBeijingTime } from "./time";

/**
 * What we accept from Alipay, checked at the edge of this module. Every amount becomes integer
 * fen here and every time a Date, so nothing past this file sees Alipay's strings.
 */

export const fenAmount = z.string().transform((text, ctx) => {
  const fen = yuanToFen(text);
  if (fen === undefined) {
    ctx.addIssue(`not an exact yuan amount: ${JSON.stringify(text.slice(0, 32))}`);
    return z.NEVER;
  }
  return fen;
});

export const beijingTime = z.string().transform((text, ctx) => {
  const date = parseBeijingTime(text);
  if (!date) {
    ctx.addIssue(`not an Alipay time: ${JSON.stringify(text.slice(0, 32))}`);
    return z.NEVER;
  }
  return date;
});

export const tradeStatus = z.enum(["WAIT_BUYER_PAY", "TRADE_SUCCESS", "TRADE_FINISHED", "TRADE_CLOSED"]);
export type AlipayTradeStatus = z.infer<typeof tradeStatus>;

/** The common part of every gateway response; `code` 10000 means the call succeeded. */
export const envelopeSchema = z.object({
  code: z.string(),
  msg: z.string().optional(),
  sub_code: z.string().optional(),
  sub_msg: z.string().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const precreateSchema = z.object({
  out_trade_no: z.string(),
  qr_code: z.string().min(1),
});

export const querySchema = z.object({
  out_trade_no: z.string(),
  trade_no: z.string().optional(),
  trade_status: tradeStatus,
  total_amount: fenAmount,
  trans_currency: z.string().optional(),
  send_pay_date: beijingTime.optional(),
});

export const closeSchema = z.object({
  out_trade_no: z.string().optional(),
});

export const refundSchema = z.object({
  out_trade_no: z.string(),
  trade_no: z.string().optional(),
  /** "Y": money moved by this call. "N" also answers a repeated out_request_no, so it proves nothing. */
  fund_change: z.enum(["Y", "N"]).optional(),
  gmt_refund_pay: beijingTime.optional(),
});

export const refundQuerySchema = z.object({
  out_trade_no: z.string().optional(),
  out_request_no: z.string().optional(),
  refund_amount: fenAmount.optional(),
  refund_status: z.string().optional(),
  gmt_refund_pay: beijingTime.optional(),
});

/** The fields of a verified trade_status_sync notify that we use. */
export const tradeNotifySchema = z.object({
  out_trade_no: z.string().min(1),
  trade_no: z.string().optional(),
  trade_status: tradeStatus,
  total_amount: fenAmount,
  gmt_payment: beijingTime.optional(),
});

/** A refund shows up as a trade notify carrying these extra fields. */
export const refundNotifySchema = z.object({
  out_trade_no: z.string().min(1),
  out_biz_no: z.string().min(1),
  /** Cumulative refunded amount of the trade, not this refund's. */
  refund_fee: fenAmount,
  gmt_refund: beijingTime.optional(),
});
