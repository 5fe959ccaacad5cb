import type { PaymentChannel, SandboxTrade } from "@prisma/client";
import { z } from "zod";
import { newTradeBiz, readBiz } from "@/lib/sandbox/alipay/biz-content";
import { businessError, invalidParam, refusalError } from "@/lib/sandbox/alipay/gateway-error";
import type { MethodCall } from "@/lib/sandbox/alipay/methods/call";
import { openTrade, TradeRefused } from "@/lib/sandbox/trades";

/** SandboxTrade.amountFen is a Postgres integer: below Alipay's own ceiling of 100,000,000 yuan. */
export const SANDBOX_MAX_FEN = 2_147_483_647;
/** Without time_expire the sandbox gives the payer this long (its own choice). */
const DEFAULT_PAY_WINDOW_MS = 2 * 60 * 60 * 1000;

const httpUrl = z.url({ protocol: /^https?$/ }).max(1024);

/** A URL common param (notify_url, return_url); the sandbox will really call or redirect to it. */
export function urlParam(call: MethodCall, name: "notify_url" | "return_url"): string | undefined {
  const value = call.params[name];
  if (value === undefined || value === "") return undefined;
  if (httpUrl.safeParse(value).success) return value;
  throw invalidParam("isv.invalid-parameter", `参数无效: ${name} 不是 http(s) 地址`);
}

/**
 * precreate and wap.pay: opens the trade, or finds the same order placed again (Alipay makes
 * both idempotent on out_trade_no with the same amount).
 */
export async function openAlipayTrade(
  call: MethodCall,
  channel: PaymentChannel,
  returnUrl?: string,
): Promise<SandboxTrade> {
  const biz = readBiz(newTradeBiz, call.biz);
  const { merchant } = call.keys;
  if (biz.seller_id !== undefined && biz.seller_id !== merchant.merchantId) {
    throw businessError("ACQ.INVALID_PARAMETER", "参数无效: seller_id 不是本应用的收款账号");
  }
  if (biz.total_amount > SANDBOX_MAX_FEN) throw businessError("ACQ.TOTAL_FEE_EXCEED", "订单金额超过限额");
  // The sandbox owes every trade its notifies, so it needs somewhere to send them.
  const notifyUrl = urlParam(call, "notify_url");
  if (!notifyUrl) throw invalidParam("isv.invalid-parameter", "参数无效: 沙箱要求 notify_url");
  const expiresAt = biz.time_expire ?? new Date(call.now.getTime() + DEFAULT_PAY_WINDOW_MS);
  if (expiresAt <= call.now) throw businessError("ACQ.INVALID_PARAMETER", "参数无效: time_expire 已过");

  let trade: SandboxTrade;
  try {
    trade = await openTrade({
      merchantId: merchant.id,
      outTradeNo: biz.out_trade_no,
      channel,
      amountFen: biz.total_amount,
      description: biz.subject,
      notifyUrl,
      returnUrl,
      expiresAt,
    });
  } catch (error) {
    if (error instanceof TradeRefused) throw refusalError(error.reason, "create");
    throw error;
  }
  // The same order placed again after its time_expire: Alipay closed that trade.
  if (trade.expiresAt <= call.now) throw refusalError("TRADE_CLOSED", "create");
  return trade;
}
