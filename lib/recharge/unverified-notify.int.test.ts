import { randomBytes } from "node:crypto";
import type { Provider } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createOrder } from "@/lib/recharge/create-order";
import { unknownConfigTally, unverifiedStoredPerMinute } from "@/lib/recharge/unverified-cap";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { sandboxProtocols } from "@/lib/sandbox/protocols";
import { provisionSandboxMerchant } from "@/lib/sandbox/provision";
import { findTradeById } from "@/lib/sandbox/trades";
import { newTestUser, setUpSandboxApp } from "@/lib/testing/sandbox-app";

const app = setUpSandboxApp();

async function post(provider: Provider, configId: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${app.url()}/api/notify/${provider.toLowerCase()}/${configId}`, {
    method: "POST",
    body,
    headers,
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

/** A notify for a fresh pending order, signed with the wrong key: it names the order, proves nothing. */
async function forgedNotify(provider: Provider) {
  const prisma = await getPrisma();
  const user = await newTestUser();
  const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "starter" } });
  const order = await createOrder({ userId: user.id, packageId: pkg.id, provider, channel: "QR" });
  const trade = (await findTradeById(new URL(order.payUrl!).pathname.split("/").at(-1)!))!;
  const now = new Date();
  const paid = {
    ...trade,
    state: "PAID" as const,
    paidAt: now,
    paidAmountFen: trade.amountFen,
    providerTradeNo: `42${Date.now()}`,
  };
  const content = sandboxProtocols[provider].paymentNotify(merchantKeys(trade.merchant), paid, {
    wrongAmount: false,
    badSignature: true,
    now,
  });
  return { order, content };
}

describe.each(["WECHAT", "ALIPAY"] as const)("unverifiable %s notifies", (provider) => {
  it("are refused with a 4xx in the provider's format, and query the provider at most once per window", async () => {
    const { order, content } = await forgedNotify(provider);
    const first = await post(provider, order.configId, content.body, content.headers);
    expect(first.status).toBe(400);
    if (provider === "WECHAT") {
      expect(first.contentType).toContain("application/json");
      expect(JSON.parse(first.text)).toMatchObject({ code: "FAIL" });
    } else {
      expect(first.text).toBe("fail");
    }
    for (let copy = 0; copy < 5; copy++) {
      expect((await post(provider, order.configId, content.body, content.headers)).status).toBe(400);
    }

    const prisma = await getPrisma();
    const callbacks = await prisma.paymentCallback.findMany({
      where: { orderNo: order.orderNo, verified: false },
      orderBy: { createdAt: "asc" },
    });
    expect(callbacks.map((callback) => callback.outcome)).toEqual([
      "REJECTED_QUERIED",
      ...Array.from({ length: 5 }, () => "REJECTED_QUERY_THROTTLED"),
    ]);
    const queries = await prisma.providerCall.count({
      where: { orderNo: order.orderNo, operation: { contains: "query" } },
    });
    expect(queries).toBe(1);
    expect((await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });

  it("store at most a capped number of bodies per config and minute, and count the rest", async () => {
    const config = await provisionSandboxMerchant(provider, { isDefault: false });
    const sent = unverifiedStoredPerMinute + 5;
    for (let index = 0; index < sent; index++) {
      const answer = await post(provider, config.id, `junk=${randomBytes(8).toString("hex")}`, {
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(answer.status).toBe(400);
    }
    const prisma = await getPrisma();
    const tallies = await prisma.unverifiedNotifyTally.findMany({ where: { configId: config.id } });
    expect(tallies.reduce((sum, tally) => sum + tally.received, 0)).toBe(sent);
    const stored = await prisma.paymentCallback.count({ where: { configId: config.id } });
    // The run may straddle a minute: each minute stores up to the cap.
    expect(stored).toBe(tallies.reduce((sum, tally) => sum + Math.min(tally.received, unverifiedStoredPerMinute), 0));
    expect(stored).toBeLessThan(sent);
  });
});

it("notifies for configs we do not have share one capped tally, whatever id they name", async () => {
  const prisma = await getPrisma();
  const before = await prisma.paymentCallback.count({ where: { outcome: "UNKNOWN_CONFIG" } });
  const sent = unverifiedStoredPerMinute + 5;
  for (let index = 0; index < sent; index++) {
    expect((await post("ALIPAY", `forged-${index}`, "x=1", {})).status).toBe(404);
  }
  const stored = (await prisma.paymentCallback.count({ where: { outcome: "UNKNOWN_CONFIG" } })) - before;
  expect(stored).toBeLessThanOrEqual(2 * unverifiedStoredPerMinute);
  expect(stored).toBeLessThan(sent);
  const tallies = await prisma.unverifiedNotifyTally.findMany({ where: { configId: unknownConfigTally } });
  expect(tallies.reduce((sum, tally) => sum + tally.received, 0)).toBe(sent);
  expect(await prisma.unverifiedNotifyTally.count({ where: { configId: { startsWith: "forged-" } } })).toBe(0);
});
