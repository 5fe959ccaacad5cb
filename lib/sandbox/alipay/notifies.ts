import type { SandboxRefund, SandboxTrade } from "@prisma/client";
import { encodeForm, fenToYuan, formatBeijingTime, signParams } from "@/lib/payments/alipay";
import { beijingTimeWithMillis, digitsFrom, reportedYuan, sandboxBuyer } from "@/lib/sandbox/alipay/trade-facts";
import type { MerchantKeys, NotifyContent, NotifyOptions } from "@/lib/sandbox/types";

/**
 * Alipay's asynchronous notify (notify_type=trade_status_sync): a form POST signed with RSA2 by
 * Alipay's key over the sorted params minus sign, sign_type and empty values. A refund is reported
 * by the same kind of notify, carrying refund_fee, gmt_refund and out_biz_no. Field sets follow
 * real notifies (see lib/payments/alipay/notify.test.ts).
 */

const formHeaders = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };

/** Like Alipay's: the Beijing date, "00222", then digits; stable across retries of one notify. */
function notifyId(seed: string, at: Date): string {
  return `${formatBeijingTime(at).slice(0, 10).replaceAll("-", "")}00222${digitsFrom(`notify:${seed}`, 21)}`;
}

/** Still valid base64 of the same length, so the merchant sees a wrong signature, not garbage. */
function corrupted(signature: string): string {
  return `${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
}

function signedForm(keys: MerchantKeys, params: Record<string, string>, badSignature: boolean): NotifyContent {
  const signed = signParams(params, "notify", keys.providerPrivateKeyPem);
  if (badSignature) signed.sign = corrupted(signed.sign ?? "");
  return { headers: { ...formHeaders }, body: encodeForm(signed) };
}

/** The fields every notify about a paid trade carries. `event` makes the notify_id (dated `at`, else the payment). */
function paidTradeFields(
  keys: MerchantKeys,
  trade: SandboxTrade,
  event: { seed: string; at?: Date },
  options: NotifyOptions,
) {
  const { paidAt, providerTradeNo } = trade;
  if (!paidAt || !providerTradeNo) throw new Error(`sandbox trade ${trade.id} was never paid: no notify to send`);
  const { merchant } = keys;
  const buyer = sandboxBuyer(trade);
  return {
    notify_time: formatBeijingTime(options.now),
    notify_type: "trade_status_sync",
    notify_id: notifyId(event.seed, event.at ?? paidAt),
    app_id: merchant.appId,
    auth_app_id: merchant.appId,
    charset: "utf-8",
    version: "1.0",
    trade_no: providerTradeNo,
    out_trade_no: trade.outTradeNo,
    seller_id: merchant.merchantId,
    buyer_id: buyer.buyerId,
    buyer_logon_id: buyer.buyerLogonId,
    total_amount: reportedYuan(trade.amountFen, options.wrongAmount),
    subject: trade.description,
    gmt_create: formatBeijingTime(trade.createdAt),
    gmt_payment: formatBeijingTime(paidAt),
  };
}

export function paymentNotify(keys: MerchantKeys, trade: SandboxTrade, options: NotifyOptions): NotifyContent {
  const paid = reportedYuan(trade.paidAmountFen ?? trade.amountFen, options.wrongAmount);
  const params = {
    ...paidTradeFields(keys, trade, { seed: `payment:${trade.id}` }, options),
    trade_status: "TRADE_SUCCESS",
    receipt_amount: paid,
    invoice_amount: paid,
    buyer_pay_amount: paid,
    point_amount: "0.00",
    // A JSON value inside the form: signed as the exact string sent.
    fund_bill_list: JSON.stringify([{ amount: paid, fundChannel: "ALIPAYACCOUNT" }]),
  };
  return signedForm(keys, params, options.badSignature);
}

/**
 * refund_fee is the trade's refunded total when the notify is built (Alipay: the total after this
 * refund); a fully refunded trade is TRADE_CLOSED, a partly refunded one stays TRADE_SUCCESS.
 */
export function refundNotify(
  keys: MerchantKeys,
  trade: SandboxTrade,
  refund: SandboxRefund,
  options: NotifyOptions,
): NotifyContent {
  const refundedAt = refund.succeededAt ?? refund.createdAt;
  const closed = trade.state === "REFUNDED";
  const params = {
    ...paidTradeFields(keys, trade, { seed: `refund:${refund.id}`, at: refundedAt }, options),
    trade_status: closed ? "TRADE_CLOSED" : "TRADE_SUCCESS",
    refund_fee: fenToYuan(trade.refundedFen),
    gmt_refund: beijingTimeWithMillis(refundedAt),
    out_biz_no: refund.outRefundNo,
    ...(closed ? { gmt_close: formatBeijingTime(refundedAt) } : {}),
  };
  return signedForm(keys, params, options.badSignature);
}

/**
 * Alipay sends no formal signature probe (WeChat's SIGNTEST has no Alipay counterpart). Under the
 * signatureProbe fault the sandbox sends what an attacker would: a well-formed payment notify for
 * the trade whose signature does not verify. A merchant must not believe it.
 */
export function signatureProbe(keys: MerchantKeys, trade: SandboxTrade, now: Date): NotifyContent {
  return paymentNotify(keys, trade, { wrongAmount: false, badSignature: true, now });
}
