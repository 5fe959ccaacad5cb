import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createOrder } from "@/lib/recharge/create-order";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { handlePageReturn } from "@/lib/recharge/handle-page-return";
import { issueCashierUrl } from "@/lib/recharge/issue-cashier-url";
import { cashierProgress } from "@/lib/sandbox/alipay/cashier";
import { payTrade } from "@/lib/sandbox/trades";
import { deliverNotifies, newTestUser, setUpSandboxApp } from "@/lib/testing/sandbox-app";

setUpSandboxApp();

let configId: string;

beforeAll(async () => {
  const prisma = await getPrisma();
  const config = await prisma.paymentConfig.findFirstOrThrow({ where: { provider: "ALIPAY", isDefault: true } });
  await prisma.paymentConfig.update({ where: { id: config.id }, data: { alipayDesktop: "PAGE_EMBEDDED" } });
  configId = config.id;
});

/** A PAGE order, its cashier opened in the "browser": the sandbox trade behind it. */
async function openCashier() {
  const user = await newTestUser();
  const prisma = await getPrisma();
  const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
  const order = await createOrder({
    userId: user.id,
    packageId: pkg.id,
    provider: "ALIPAY",
    channel: "PAGE",
    clientKey: randomBytes(8).toString("hex"),
  });
  expect(order.channel).toBe("PAGE");
  const cashier = await issueCashierUrl({ userId: user.id, orderNo: order.orderNo });
  expect(cashier.mode).toBe("EMBEDDED");
  const response = await fetch(cashier.url, { redirect: "manual" });
  const location = response.headers.get("location") ?? "";
  expect(location).toMatch(/\/sandbox\/cashier\/st_[^/?]+\?qrcode_width=200$/);
  const tradeId = new URL(location).pathname.split("/").at(-1) ?? "";
  return { user, order, tradeId };
}

async function balanceOf(userId: string) {
  return (await (await getPrisma()).user.findUniqueOrThrow({ where: { id: userId } })).balance;
}

describe("Alipay website pay (page.pay) through the sandbox", () => {
  it("PAGE order → cashier URL → pay on the phone → notify credits exactly once; the cashier returns signed", async () => {
    const { user, order, tradeId } = await openCashier();
    await payTrade(tradeId);
    await deliverNotifies();
    await deliverNotifies();
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PAID");
    expect(await balanceOf(user.id)).toBe(330);
    const progress = await cashierProgress(tradeId);
    expect(progress.returnTo).toContain(`/pay/return/${configId}?`);
    // The genuine return afterwards changes nothing: already paid, credited once.
    const back = await handlePageReturn({ configId, query: new URL(progress.returnTo ?? "").search });
    expect(back).toEqual({ path: `/orders/${order.orderNo}`, verified: true });
    expect(await balanceOf(user.id)).toBe(330);
    expect(await (await getPrisma()).ledgerEntry.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a forged or unsigned return credits nothing, even for a paid trade whose notify has not come", async () => {
    const { user, order, tradeId } = await openCashier();
    await payTrade(tradeId);
    const genuine = new URL((await cashierProgress(tradeId)).returnTo ?? "").searchParams;
    const forged = new URLSearchParams(genuine);
    forged.set("total_amount", "0.01");
    const unsigned = new URLSearchParams(genuine);
    unsigned.delete("sign");
    for (const query of [forged, unsigned]) {
      const back = await handlePageReturn({ configId, query: `?${query.toString()}` });
      expect(back).toEqual({ path: `/orders/${order.orderNo}`, verified: false });
    }
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PENDING");
    expect(await balanceOf(user.id)).toBe(0);
  });

  it("a genuine return asks the provider, which credits when the notify never came", async () => {
    const { user, order, tradeId } = await openCashier();
    await payTrade(tradeId);
    const returnTo = (await cashierProgress(tradeId)).returnTo ?? "";
    const back = await handlePageReturn({ configId, query: new URL(returnTo).search });
    expect(back).toEqual({ path: `/orders/${order.orderNo}`, verified: true });
    expect((await getOwnOrder(user.id, order.orderNo)).status).toBe("PAID");
    expect(await balanceOf(user.id)).toBe(330);
    // The notify arriving later credits nothing more.
    await deliverNotifies();
    expect(await balanceOf(user.id)).toBe(330);
  });
});
