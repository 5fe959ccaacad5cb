"use server";

import { cashierProgress, type CashierProgress } from "@/lib/sandbox/alipay/cashier";
import { requireSandbox } from "@/lib/sandbox/guard";

/** The sandbox cashier asks whether its trade was paid on the phone page (the trade id is the capability). */
export async function cashierAction(tradeId: string): Promise<CashierProgress> {
  requireSandbox();
  return cashierProgress(tradeId);
}
