import { logger } from "@/lib/log/logger";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { checkOrder } from "@/lib/recharge/check-order";
import { claimCheck } from "@/lib/recharge/claim-check";
import { findOrderByNo } from "@/lib/recharge/find-order";
import { AppError } from "@/lib/errors";

export interface HandlePageReturnOptions {
  configId: string;
  /** The return URL's query string exactly as received. */
  query: string;
  now?: Date;
}

export interface PageReturnOutcome {
  /** Where to send the browser: the order's page, or the order list. */
  path: string;
  /** Whether the provider's signature verified (and so a query was asked for). */
  verified: boolean;
}

/**
 * The payer's browser back from Alipay's website cashier. Its params carry no trade status and
 * anyone can type them, so they never credit: a genuine signature only earns the order an
 * immediate provider query (throttled like "I have paid"), which settles if Alipay says paid.
 * A forged or unsigned return changes nothing; the order page then shows the real state.
 */
export async function handlePageReturn({
  configId,
  query,
  now = new Date(),
}: HandlePageReturnOptions): Promise<PageReturnOutcome> {
  let website;
  try {
    ({ website } = (await loadConfig(configId)).adapter);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { path: "/orders", verified: false };
    throw error;
  }
  if (!website) return { path: "/orders", verified: false };
  const verified = website.verifyReturn(query);
  if (!verified.ok) {
    logger.warn("page-pay return refused", { configId, detail: verified.detail, orderNo: verified.claimedOrderNo });
    return { path: verified.claimedOrderNo ? `/orders/${verified.claimedOrderNo}` : "/orders", verified: false };
  }

  const order = await findOrderByNo(verified.orderNo);
  // Signed for another config's order: that config's keys are the ones to ask with, not ours to mix.
  if (!order || order.configId !== configId) return { path: "/orders", verified: false };
  const path = `/orders/${order.orderNo}`;
  if (order.status !== "PENDING" && order.status !== "CLOSED") return { path, verified: true };
  if (!(await claimCheck(order.id, now))) return { path, verified: true };
  try {
    await checkOrder({ order, source: "return", now });
  } catch (error) {
    // The notify and the reconciliation job still come; the payer must not see an error page for it.
    logger.warn("query after page-pay return failed", { orderNo: order.orderNo, error });
  }
  return { path, verified: true };
}
