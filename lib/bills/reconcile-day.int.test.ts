import { randomBytes } from "node:crypto";
import type { Provider } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { loadDefaultConfig } from "@/lib/payment-configs/load-adapter";
import { createOrder } from "@/lib/recharge/create-order";
import { createRefund } from "@/lib/refunds/create-refund";
import { unknownTradeNo } from "@/lib/sandbox/bills";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";
import { deliverNotifies, newTestUser, payOnPhone, setUpSandboxApp } from "@/lib/testing/sandbox-app";
import { beijingDate, beijingDayBounds } from "./beijing-day";
import { reconcileDay } from "./reconcile-day";

setUpSandboxApp();

afterEach(async () => {
  await clearFaults();
});

async function placeOrder(provider: Provider, userId: string) {
  const prisma = await getPrisma();
  const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
  return createOrder({ userId, packageId: pkg.id, provider, channel: "QR", clientKey: randomBytes(8).toString("hex") });
}

async function paidOrder(provider: Provider, faults: Parameters<typeof setFaults>[1] = {}) {
  const user = await newTestUser();
  const order = await placeOrder(provider, user.id);
  const { config } = await loadDefaultConfig(provider);
  const sandboxMerchant = await (
    await getPrisma()
  ).sandboxMerchant.findFirstOrThrow({
    where: { provider, appId: config.appId, merchantId: config.merchantId },
  });
  if (Object.keys(faults).length) await setFaults(`trade:${order.orderNo}`, faults);
  await payOnPhone(order.payUrl);
  await deliverNotifies();
  return { user, order, config, sandboxMerchant };
}

const balanceOf = async (userId: string) =>
  (await (await getPrisma()).user.findUniqueOrThrow({ where: { id: userId } })).balance;

describe.each(["WECHAT", "ALIPAY"] as const)("reconciling a %s day with the sandbox's bill", (provider) => {
  it("settles the payment we missed once, flags the amount, the refund and the stranger; a rerun adds nothing", async () => {
    const prisma = await getPrisma();
    const admin = await newTestUser("ADMIN");
    // Lost: paid at the provider, every notify dropped, so it is still PENDING here.
    const missed = await paidOrder(provider, { dropNotifies: "all" });
    expect((await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: missed.order.id } })).status).toBe("PENDING");
    // The bill reports one fen more than was paid.
    const mismatched = await paidOrder(provider, { billWrongAmount: true });
    // Refunded here and at the provider, but the bill leaves the refund out.
    const refunded = await paidOrder(provider, { billOmitRefunds: true });
    await createRefund({
      orderNo: refunded.order.orderNo,
      amountFen: 1_000,
      reason: "asked",
      actorId: admin.id,
      allowNegativeBalance: false,
    });
    await deliverNotifies();
    // A trade nobody here ever placed.
    await setFaults(`merchant:${missed.sandboxMerchant.id}`, { billUnknownTrade: true });

    const billDate = beijingDate(new Date());
    const tomorrowNoon = new Date(beijingDayBounds(billDate).end.getTime() + 12 * 3_600_000);
    const options = { configId: missed.config.id, billDate, trigger: "admin" as const, force: true, now: tomorrowNoon };

    const first = await reconcileDay(options);
    expect(first).toMatchObject({ status: "DONE", settled: 1 });
    expect((await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: missed.order.id } })).status).toBe("PAID");
    expect(await balanceOf(missed.user.id)).toBe(330);

    const differences = await prisma.reconciliationDifference.findMany({
      where: { configId: missed.config.id, billDate },
    });
    const byKind = (kind: string) => differences.filter((row) => row.kind === kind);
    expect(byKind("PAID_NOT_CREDITED")).toMatchObject([{ orderNo: missed.order.orderNo, status: "RESOLVED" }]);
    expect(byKind("AMOUNT_MISMATCH")).toMatchObject([
      { orderNo: mismatched.order.orderNo, billFen: 3_001, ourFen: 3_000, status: "OPEN" },
    ]);
    expect(byKind("REFUND_MISSING_FROM_BILL")).toMatchObject([
      { orderNo: refunded.order.orderNo, ourFen: 1_000, status: "OPEN" },
    ]);
    expect(byKind("UNKNOWN_TRADE")).toMatchObject([{ orderNo: unknownTradeNo(billDate), status: "OPEN" }]);
    expect(differences.map((row) => row.kind).sort()).toEqual([
      "AMOUNT_MISMATCH",
      "PAID_NOT_CREDITED",
      "REFUND_MISSING_FROM_BILL",
      "UNKNOWN_TRADE",
    ]);

    const run = await prisma.reconciliationRun.findUniqueOrThrow({
      where: { configId_billDate: { configId: missed.config.id, billDate } },
    });
    expect(run).toMatchObject({ status: "DONE", differences: 3, settled: 1, attempts: 1 });
    const bill = await prisma.providerBill.findUniqueOrThrow({ where: { id: run.billId! } });
    expect(bill).toMatchObject({ provider, billDate, lineCount: 4 });
    expect(bill.sizeBytes).toBe(Buffer.from(bill.content, "base64").length);

    const second = await reconcileDay(options);
    expect(second).toMatchObject({ status: "DONE", settled: 0, differences: 3 });
    expect(await prisma.reconciliationDifference.count({ where: { configId: missed.config.id, billDate } })).toBe(4);
    expect(await prisma.ledgerEntry.count({ where: { idempotencyKey: `recharge:${missed.order.orderNo}` } })).toBe(1);
    expect(await balanceOf(missed.user.id)).toBe(330);
    // The same bytes again: one stored bill.
    expect(await prisma.providerBill.count({ where: { configId: missed.config.id, billDate } })).toBe(1);
  });

  it("retries a bill that is not ready, and the day stays unreconciled until it is", async () => {
    const paid = await paidOrder(provider);
    await setFaults(`merchant:${paid.sandboxMerchant.id}`, { billNotReady: true });
    const billDate = beijingDate(new Date());
    const now = new Date(beijingDayBounds(billDate).end.getTime() + 12 * 3_600_000);
    const options = { configId: paid.config.id, billDate, trigger: "job" as const, now };
    expect(await reconcileDay({ ...options, force: true })).toMatchObject({ status: "NOT_READY" });
    // Not due again yet: a second instance (or tick) does nothing.
    expect(await reconcileDay(options)).toEqual({ status: "BUSY" });
    await clearFaults();
    const later = new Date(now.getTime() + 31 * 60_000);
    expect(await reconcileDay({ ...options, now: later })).toMatchObject({ status: "DONE" });
  });

  it("refuses a day that is not over", async () => {
    const { config } = await loadDefaultConfig(provider);
    await expect(
      reconcileDay({ configId: config.id, billDate: beijingDate(new Date()), trigger: "admin" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
