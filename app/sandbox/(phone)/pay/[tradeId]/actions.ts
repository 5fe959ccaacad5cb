"use server";

import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { requireSandbox } from "@/lib/sandbox/guard";
import { findTradeById, payTrade, TradeRefused } from "@/lib/sandbox/trades";

export type PayResult = { ok: true } | { ok: false; reason: string };

/** The payer pressed "Pay" on the sandbox phone page. */
export async function payAction(tradeId: string): Promise<PayResult> {
  requireSandbox();
  try {
    await payTrade(tradeId);
  } catch (error) {
    if (error instanceof TradeRefused) return { ok: false, reason: error.reason };
    throw error;
  }
  const trade = await findTradeById(tradeId);
  // A phone that came from the merchant's H5 flow (Alipay's return_url) goes back there, as
  // the real apps do; WeChat's redirect_url is followed by the page itself. Only to this app.
  // A website-cashier trade (PAGE) was scanned from a computer: its cashier sends that one back.
  if (trade?.returnUrl && trade.channel !== "PAGE") redirect(safeReturnPath(trade.returnUrl));
  return { ok: true };
}
