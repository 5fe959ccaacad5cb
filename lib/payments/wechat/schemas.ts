/**
 * The WeChat Pay v3 JSON we read, checked at the edge of this module. Unknown fields are
 * dropped; money fields must be integer fen (WeChat sends CNY amounts as integers of fen).
 */
import { z } from "zod";

const fen = z.int().nonnegative();
const id = z.string().min(1).max(64);
/** WeChat sends "" for some absent values (e.g. `transaction_id` of an unpaid order). */
const optionalText = z.string().max(64).optional();

export const nativeOrderSchema = z.object({ code_url: z.string().min(1).max(2048) });

export const jsapiOrderSchema = z.object({ prepay_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export const h5OrderSchema = z.object({ h5_url: z.url({ protocol: /^https?$/ }).max(2048) });

const tradeStateSchema = z.enum(["SUCCESS", "REFUND", "NOTPAY", "CLOSED", "REVOKED", "USERPAYING", "PAYERROR"]);

/** Query response and decrypted `TRANSACTION.*` notify resource. */
export const transactionSchema = z.object({
  appid: id,
  mchid: id,
  out_trade_no: id,
  transaction_id: optionalText,
  trade_state: tradeStateSchema,
  success_time: optionalText,
  amount: z
    .object({
      total: fen.optional(),
      payer_total: fen.optional(),
      currency: z.string().max(16).optional(),
    })
    .optional(),
});
export type Transaction = z.infer<typeof transactionSchema>;

const refundStatusSchema = z.enum(["SUCCESS", "CLOSED", "PROCESSING", "ABNORMAL"]);

/** Response of refund create and refund query. */
export const refundSchema = z.object({
  refund_id: id,
  out_refund_no: id,
  out_trade_no: id,
  status: refundStatusSchema,
  success_time: optionalText,
  amount: z.object({ refund: fen, total: fen.optional() }),
});
export type Refund = z.infer<typeof refundSchema>;

/** Decrypted `REFUND.*` notify resource: `refund_status`, no appid, amount sometimes absent. */
export const refundNotifySchema = z.object({
  mchid: id,
  out_trade_no: id,
  out_refund_no: id,
  refund_id: id,
  refund_status: refundStatusSchema,
  success_time: optionalText,
  amount: z.object({ refund: fen, total: fen.optional() }).optional(),
});
export type RefundNotice = z.infer<typeof refundNotifySchema>;

export const errorSchema = z.object({ code: id, message: z.string().max(1024).optional() });

export const notifyEnvelopeSchema = z.object({
  id: z.string().max(64),
  event_type: id,
  resource: z.object({
    algorithm: id,
    ciphertext: z.string().min(1),
    nonce: id,
    associated_data: z.string().max(256).optional(),
    original_type: optionalText,
  }),
});
