import { createHash } from "node:crypto";
import type { SandboxTrade } from "@prisma/client";
import { fenToYuan, formatBeijingTime } from "@/lib/payments/alipay";
import { env } from "@/lib/env";

/** What Alipay says about a trade, derived from the sandbox's provider-neutral record. */

export type AlipayTradeStatus = "WAIT_BUYER_PAY" | "TRADE_SUCCESS" | "TRADE_CLOSED";

/** The sandbox "phone" page: the QR code's content and where wap.pay sends the browser. */
export function phonePageUrl(trade: Pick<SandboxTrade, "id">): string {
  return `${env().APP_URL}/sandbox/pay/${trade.id}`;
}

/**
 * The sandbox's website cashier (page.pay): qr_pay_mode 4 is only the QR code, `width` pixels
 * wide, for the merchant's iframe; any other mode is the full cashier page.
 */
export function cashierPageUrl(trade: Pick<SandboxTrade, "id">, embedWidth: number | undefined): string {
  const query = embedWidth === undefined ? "" : `?qrcode_width=${embedWidth}`;
  return `${env().APP_URL}/sandbox/cashier/${trade.id}${query}`;
}

/**
 * Alipay closes an unpaid trade at its time_expire, and reports a fully refunded one as
 * TRADE_CLOSED too; a partial refund leaves it TRADE_SUCCESS.
 */
export function alipayTradeStatus(trade: SandboxTrade, now: Date): AlipayTradeStatus {
  switch (trade.state) {
    case "PENDING":
      return trade.expiresAt <= now ? "TRADE_CLOSED" : "WAIT_BUYER_PAY";
    case "PAID":
      return "TRADE_SUCCESS";
    case "CLOSED":
    case "REFUNDED":
      return "TRADE_CLOSED";
  }
}

/** The amount Alipay reports, one fen more under the wrongAmount fault. */
export function reportedYuan(fen: number, wrongAmount: boolean): string {
  return fenToYuan(fen + (wrongAmount ? 1 : 0));
}

/** Decimal digits derived from a seed: stable identifiers that need no column. */
export function digitsFrom(seed: string, count: number): string {
  let digits = "";
  for (let round = 0; digits.length < count; round += 1) {
    const hash = createHash("sha256").update(`${round}:${seed}`).digest();
    digits += Array.from(hash, (byte) => String(byte % 10)).join("");
  }
  return digits.slice(0, count);
}

/** The sandbox's payer of a trade: a PID-shaped buyer_id and a masked logon id, as Alipay shows them. */
export function sandboxBuyer(trade: Pick<SandboxTrade, "id">): { buyerId: string; buyerLogonId: string } {
  const digits = digitsFrom(`buyer:${trade.id}`, 19);
  return { buyerId: `2088${digits.slice(0, 12)}`, buyerLogonId: `1${digits.slice(12, 14)}****${digits.slice(14, 18)}` };
}

/** Refund times carry milliseconds in Alipay's notifies ("2021-07-14 09:51:36.631"). */
export function beijingTimeWithMillis(date: Date): string {
  return `${formatBeijingTime(date)}.${String(date.getUTCMilliseconds()).padStart(3, "0")}`;
}
