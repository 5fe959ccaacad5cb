import type { TradeState } from "@/lib/payments/types";
import type { AlipayTradeStatus } from "./schemas";

/**
 * Alipay's TRADE_CLOSED means either "closed unpaid" or "paid, then refunded in full"; only a
 * payment time tells them apart, so the caller says whether the trade was ever paid. Both mean
 * Alipay holds no money for the order; the difference matters for the history, not for crediting.
 */
export function tradeStateOf(status: AlipayTradeStatus, everPaid: boolean): TradeState {
  switch (status) {
    case "WAIT_BUYER_PAY":
      return "PENDING";
    case "TRADE_SUCCESS":
    case "TRADE_FINISHED":
      return "PAID";
    case "TRADE_CLOSED":
      return everPaid ? "REFUNDED" : "CLOSED";
  }
}
