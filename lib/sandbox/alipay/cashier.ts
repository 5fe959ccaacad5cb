import type { SandboxTrade } from "@prisma/client";
import { encodeForm, fenToYuan, formatBeijingTime, signParams } from "@/lib/payments/alipay";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { findTradeById } from "@/lib/sandbox/trades";
import type { MerchantKeys } from "@/lib/sandbox/types";

export type CashierState = "PENDING" | "PAID" | "CLOSED" | "REFUNDED" | "EXPIRED" | "NOT_FOUND";

export interface CashierProgress {
  state: CashierState;
  /** Once paid: return_url with Alipay's signed sync params, where the cashier sends the top window. */
  returnTo: string | null;
}

/**
 * What Alipay appends to return_url after page.pay (its documented field set): signed like a
 * notify, but with no trade status — the merchant must not take it as proof of payment.
 */
export function signedReturnUrl(keys: MerchantKeys, trade: SandboxTrade, now: Date): string | null {
  if (!trade.returnUrl || !trade.providerTradeNo) return null;
  const { merchant } = keys;
  const params = signParams(
    {
      charset: "utf-8",
      out_trade_no: trade.outTradeNo,
      method: "alipay.trade.page.pay.return",
      total_amount: fenToYuan(trade.amountFen),
      trade_no: trade.providerTradeNo,
      auth_app_id: merchant.appId,
      version: "1.0",
      app_id: merchant.appId,
      seller_id: merchant.merchantId,
      timestamp: formatBeijingTime(now),
    },
    "notify",
    keys.providerPrivateKeyPem,
  );
  return `${trade.returnUrl}${trade.returnUrl.includes("?") ? "&" : "?"}${encodeForm(params)}`;
}

/** The cashier page asks this until the phone has paid. */
export async function cashierProgress(tradeId: string, now = new Date()): Promise<CashierProgress> {
  const trade = await findTradeById(tradeId);
  if (!trade || trade.channel !== "PAGE") return { state: "NOT_FOUND", returnTo: null };
  if (trade.state === "PENDING") {
    return { state: trade.expiresAt <= now ? "EXPIRED" : "PENDING", returnTo: null };
  }
  if (trade.state !== "PAID") return { state: trade.state, returnTo: null };
  return { state: "PAID", returnTo: signedReturnUrl(merchantKeys(trade.merchant), trade, now) };
}
