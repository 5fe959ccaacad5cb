import type { PrismaClient, RechargeOrder } from "@prisma/client";
import { expect } from "vitest";
import { expireDueOrders } from "@/lib/recharge/sweep-orders";
import { deliverNotifies, minutesFromNow, runJobs } from "@/lib/reliability/drive";
import {
  afterExpiry,
  callbackOutcomes,
  creditSources,
  creditsByOrder,
  payOnPhone,
  placeOrders,
  reload,
} from "@/lib/reliability/orders";
import { runScenario, type Recorder } from "@/lib/reliability/scenario";
import { sizes } from "@/lib/reliability/sizes";
import { setFaults } from "@/lib/sandbox/faults";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { sandboxProtocols } from "@/lib/sandbox/protocols";

/**
 * Orders expire here and at the provider, then the payer pays anyway (a code already on a
 * phone). Half the notifies arrive, half are lost and found by reconciliation, which keeps
 * looking at closed orders for a day. All are credited once and flagged late.
 */
export function paymentAfterExpiry(record: Recorder): Promise<void> {
  return runScenario({ name: "time: paid after expiry", app: "in-process", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const orders = await placeOrders(userIds, sizes.orders);
    expect(await expireDueOrders({ now: afterExpiry(orders), limit: 500 })).toBe(orders.length);
    expect((await reload(prisma, orders)).map((order) => order.closeReason)).toEqual(orders.map(() => "EXPIRED"));

    await setFaults("*", { payAfterExpiry: true });
    const lost = orders.filter((_, index) => index % 2 === 1);
    for (const order of lost) await setFaults(`trade:${order.orderNo}`, { dropNotifies: "all" });
    stage.injected(`${orders.length} payments after local expiry (${lost.length} of their notifies lost)`);
    await Promise.all(orders.map(payOnPhone));
    await deliverNotifies(prisma);
    await runJobs(afterExpiry(orders, 10 * 60_000));

    for (const order of await reload(prisma, orders)) {
      expect([order.status, order.late]).toEqual(["PAID", true]);
    }
    expect(await prisma.orderEvent.count({ where: { type: "paid_late" } })).toBe(orders.length);
    expect(await creditSources(prisma, orders)).toEqual(
      orders.map((_, index) => (index % 2 === 1 ? "reconcile" : "notify")),
    );
  });
}

/** WeChat timestamps are whole seconds, and the app checks them a moment after we sign. */
function signingTime(skewSeconds: number): Date {
  const nowSeconds = Date.now() / 1000;
  // Round so that the skew the app measures stays on the intended side of its 300 s limit:
  // inside skews err towards zero, outside skews away from it.
  const inside = Math.abs(skewSeconds) <= 300;
  const base = inside === skewSeconds < 0 ? Math.ceil(nowSeconds) : Math.floor(nowSeconds);
  return new Date((base + skewSeconds) * 1000);
}

async function postSkewedNotify(prisma: PrismaClient, order: RechargeOrder, skewSeconds: number): Promise<Response> {
  const trade = await prisma.sandboxTrade.findFirstOrThrow({
    where: { outTradeNo: order.orderNo },
    include: { merchant: true },
  });
  const content = sandboxProtocols.WECHAT.paymentNotify(merchantKeys(trade.merchant), trade, {
    now: signingTime(skewSeconds),
    wrongAmount: false,
    badSignature: false,
  });
  return fetch(trade.notifyUrl, { method: "POST", headers: content.headers, body: content.body });
}

/**
 * Genuine WeChat notifies whose clocks are 299 s and 301 s off, either way. Inside the 5-minute
 * window they are believed; outside they are refused as replays, and our own query of the
 * order credits it instead. Sent twice: the second round credits nothing.
 */
export function wechatClockSkew(record: Recorder): Promise<void> {
  return runScenario({ name: "time: WeChat clock skew at +-5 min", app: "in-process", record }, async (stage) => {
    const { prisma, userIds } = stage;
    const skews = [-299, 299, -301, 301];
    stage.injected("4 WeChat notifies signed -299/+299/-301/+301 s off, each sent twice");
    await setFaults("*", { dropNotifies: "all" });
    const orders = await placeOrders(userIds, skews.length, ["WECHAT"]);
    await Promise.all(orders.map(payOnPhone));

    for (const round of [1, 2]) {
      for (const [index, order] of orders.entries()) {
        const response = await postSkewedNotify(prisma, order, skews[index]!);
        const accepted = Math.abs(skews[index]!) <= 300;
        expect({ skew: skews[index], round, ok: response.ok }).toEqual({ skew: skews[index], round, ok: accepted });
      }
    }
    await runJobs(minutesFromNow(2));

    const outcomes = await callbackOutcomes(prisma);
    const credits = await creditsByOrder(prisma);
    const rejections = await prisma.paymentCallback.findMany({ where: { verified: false } });
    expect(rejections.map((callback) => callback.rejection)).toEqual(rejections.map(() => "STALE_TIMESTAMP"));
    orders.forEach((order, index) => {
      expect(credits.get(order.orderNo)).toBe(1);
      const inside = Math.abs(skews[index]!) <= 300;
      expect(outcomes.get(order.orderNo)).toEqual(
        inside ? ["CREDITED", "ALREADY_CREDITED"] : ["REJECTED_QUERIED_CREDITED", "REJECTED"],
      );
    });
  });
}
