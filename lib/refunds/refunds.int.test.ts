import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { adjustBalance } from "@/lib/admin/adjust-balance";
import { closeOrderAsAdmin, syncOrder } from "@/lib/admin/order-actions";
import { getPrisma } from "@/lib/db";
import { createOrder } from "@/lib/recharge/create-order";
import { createRefund } from "@/lib/refunds/create-refund";
import { reconcileRefunds } from "@/lib/refunds/sweep-refunds";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";
import { deliverNotifies, newTestUser, payOnPhone, setUpSandboxApp } from "@/lib/testing/sandbox-app";
import { createUser } from "@/lib/users/create-user";

setUpSandboxApp();
let adminId: string;

beforeAll(async () => {
  adminId = (await newTestUser("ADMIN")).id;
});

afterEach(async () => {
  await clearFaults();
});

async function paidOrder(provider: "WECHAT" | "ALIPAY") {
  const prisma = await getPrisma();
  const user = await newTestUser();
  const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
  const order = await createOrder({ userId: user.id, packageId: pkg.id, provider, channel: "QR" });
  await payOnPhone(order.payUrl);
  await deliverNotifies();
  return { user, order: await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } }) };
}

async function balanceOf(userId: string) {
  return (await (await getPrisma()).user.findUniqueOrThrow({ where: { id: userId } })).balance;
}

describe.each(["WECHAT", "ALIPAY"] as const)("refunds through the %s sandbox", (provider) => {
  it("partial then full refund: credits debited in proportion, statuses move, notifies recorded", async () => {
    const { user, order } = await paidOrder(provider);
    expect(order.status).toBe("PAID");
    expect(await balanceOf(user.id)).toBe(330);

    const first = await createRefund({
      orderNo: order.orderNo,
      amountFen: 1_000,
      reason: "customer asked",
      actorId: adminId,
      allowNegativeBalance: false,
    });
    expect(first).toMatchObject({ status: "SUCCESS", credits: 110, amountFen: 1_000 });
    expect(await balanceOf(user.id)).toBe(220);
    const prisma = await getPrisma();
    expect((await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(
      "PARTIALLY_REFUNDED",
    );

    await deliverNotifies();
    const refundCallbacks = await prisma.paymentCallback.findMany({
      where: { orderNo: order.orderNo, verified: true },
    });
    expect(refundCallbacks.map((callback) => callback.outcome)).toContain("REFUND_ALREADY_FINAL");

    await createRefund({
      orderNo: order.orderNo,
      amountFen: 2_000,
      reason: "rest",
      actorId: adminId,
      allowNegativeBalance: false,
    });
    expect(await balanceOf(user.id)).toBe(0);
    expect((await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    await expect(
      createRefund({
        orderNo: order.orderNo,
        amountFen: 1,
        reason: "too much",
        actorId: adminId,
        allowNegativeBalance: false,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await prisma.auditLog.findMany({ where: { target: order.orderNo, action: "order.refund" } });
    expect(audit).toHaveLength(2);
  });

  it("refuses a refund the balance cannot cover, unless the admin allows going negative", async () => {
    const { user, order } = await paidOrder(provider);
    await adjustBalance({
      userId: user.id,
      actorId: adminId,
      delta: -300,
      reason: "spent on the service",
      allowNegativeBalance: false,
    });
    await expect(
      createRefund({
        orderNo: order.orderNo,
        amountFen: 3_000,
        reason: "chargeback",
        actorId: adminId,
        allowNegativeBalance: false,
      }),
    ).rejects.toMatchObject({ code: "PAYMENT_REQUIRED", message: "insufficient_credits" });
    const prisma = await getPrisma();
    expect(await prisma.refund.count({ where: { orderNo: order.orderNo } })).toBe(0);
    expect((await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } })).refundedFen).toBe(0);

    await createRefund({
      orderNo: order.orderNo,
      amountFen: 3_000,
      reason: "chargeback",
      actorId: adminId,
      allowNegativeBalance: true,
    });
    expect(await balanceOf(user.id)).toBe(-300);
  });

  it("a provider that does not answer leaves the refund processing; reconciliation completes it once", async () => {
    const { user, order } = await paidOrder(provider);
    const prisma = await getPrisma();
    const merchant = await prisma.sandboxMerchant.findFirstOrThrow({ where: { provider } });
    await setFaults(`merchant:${merchant.id}`, { providerDown: "error" });
    const refund = await createRefund({
      orderNo: order.orderNo,
      amountFen: 3_000,
      reason: "outage",
      actorId: adminId,
      allowNegativeBalance: false,
    });
    expect(refund.status).toBe("PROCESSING");
    expect(await balanceOf(user.id)).toBe(0);

    await clearFaults();
    await reconcileRefunds({ now: new Date(Date.now() + 120_000) });
    expect((await prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).status).toBe("SUCCESS");
    const trades = await prisma.sandboxRefund.findMany({ where: { outRefundNo: refund.refundNo } });
    expect(trades).toHaveLength(1);
    expect(await balanceOf(user.id)).toBe(0);
  });
});

describe("admin order actions and adjustments", () => {
  it("sync credits a paid order whose notify was lost; close refuses a paid order", async () => {
    const prisma = await getPrisma();
    const user = await createUser({ email: "sync@example.com", password: "test1234" });
    const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "starter" } });
    const order = await createOrder({ userId: user.id, packageId: pkg.id, provider: "ALIPAY", channel: "QR" });
    await setFaults(`trade:${order.orderNo}`, { dropNotifies: "all" });
    await payOnPhone(order.payUrl);
    expect(await syncOrder(order.orderNo, adminId)).toMatchObject({ providerState: "PAID", settled: "CREDITED" });
    expect(await balanceOf(user.id)).toBe(60);
    await expect(closeOrderAsAdmin(order.orderNo, adminId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("adjusts once per request id, audited, and refuses to go negative unless allowed", async () => {
    const user = await createUser({ email: "adjust@example.com", password: "test1234" });
    const input = {
      userId: user.id,
      actorId: adminId,
      delta: 50,
      reason: "goodwill",
      allowNegativeBalance: false,
      requestId: "form-12345678",
    };
    await adjustBalance(input);
    await adjustBalance(input);
    expect(await balanceOf(user.id)).toBe(50);
    await expect(adjustBalance({ ...input, delta: -60, requestId: "form-22345678" })).rejects.toMatchObject({
      message: "insufficient_credits",
    });
    await adjustBalance({ ...input, delta: -60, requestId: "form-32345678", allowNegativeBalance: true });
    expect(await balanceOf(user.id)).toBe(-10);
    const prisma = await getPrisma();
    expect(await prisma.auditLog.count({ where: { target: user.id, action: "user.adjust_balance" } })).toBe(2);
  });
});
