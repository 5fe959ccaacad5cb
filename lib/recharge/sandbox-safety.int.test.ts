import { randomBytes } from "node:crypto";
import type { Provider } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { loadDashboard } from "@/lib/admin/dashboard/dashboard";
import { rsaKeyPair } from "@/lib/admin/testing/key-material";
import { transactionsCsv } from "@/lib/admin/transactions/export-csv";
import { transactionFiltersSchema } from "@/lib/admin/transactions/filters";
import { getOrderDetail } from "@/lib/admin/transactions/order-detail";
import { getPrisma } from "@/lib/db";
import { availableProviders } from "@/lib/payment-configs/available-providers";
import { paymentConfigInputSchema } from "@/lib/payment-configs/config-input";
import { getPaymentConfigView, listPaymentConfigs } from "@/lib/payment-configs/config-view";
import { createPaymentConfig } from "@/lib/payment-configs/create-payment-config";
import { demoModeOffered } from "@/lib/payment-configs/offered-configs";
import { setDefaultPaymentConfig } from "@/lib/payment-configs/set-default";
import { updatePaymentConfig } from "@/lib/payment-configs/update-payment-config";
import { createOrder } from "@/lib/recharge/create-order";
import { sandboxRefusedReason } from "@/lib/recharge/refuse-sandbox-payment";
import { requestCheck } from "@/lib/recharge/request-check";
import { reconcileOrders } from "@/lib/recharge/sweep-orders";
import { deliverNotifies, newTestUser, payOnPhone, setUpSandboxApp } from "@/lib/testing/sandbox-app";

setUpSandboxApp();

async function placeOrder(provider: Provider, userId: string) {
  const pkg = await (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
  return createOrder({ userId, packageId: pkg.id, provider, channel: "QR", clientKey: randomBytes(8).toString("hex") });
}

async function sandboxConfig(provider: Provider) {
  return (await getPrisma()).paymentConfig.findFirstOrThrow({
    where: { provider, gatewayUrl: { contains: "/sandbox/" } },
  });
}

async function csvSandboxColumn(orderNo: string): Promise<string | undefined> {
  const text = await new Response(transactionsCsv(transactionFiltersSchema.parse({ q: orderNo }))).text();
  const [head, ...lines] = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\n");
  const columns = head!.split(",");
  const row = lines.map((line) => line.split(",")).find((cells) => cells[0] === orderNo);
  return row?.[columns.indexOf("sandbox")];
}

// One install's story, in order: the demo, a config lying about being live, then going live.
describe("the sandbox can never pay for real credits", () => {
  let demoOrderNo = "";

  it("a fresh install offers the sandbox, says so, and a demo payment credits", async () => {
    expect(await availableProviders()).toHaveLength(2);
    expect(await availableProviders()).toEqual(
      expect.arrayContaining([
        { provider: "WECHAT", sandbox: true, desktop: "QR" },
        { provider: "ALIPAY", sandbox: true, desktop: "QR" },
      ]),
    );
    expect(await demoModeOffered()).toBe(true);
    const user = await newTestUser();
    const order = await placeOrder("WECHAT", user.id);
    await payOnPhone(order.payUrl);
    await deliverNotifies();
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(330);
    demoOrderNo = order.orderNo;
  });

  it("a config on the sandbox gateway is reported as sandbox everywhere, whatever its flag, and cannot be marked live", async () => {
    const prisma = await getPrisma();
    const wechat = await sandboxConfig("WECHAT");
    // However the flag got there (an old row, a hand edit): the gateway decides.
    await prisma.paymentConfig.update({ where: { id: wechat.id }, data: { sandbox: false } });

    expect((await listPaymentConfigs()).find((config) => config.id === wechat.id)?.sandbox).toBe(true);
    expect((await getPaymentConfigView(wechat.id)).sandbox).toBe(true);
    expect(await availableProviders()).toContainEqual({ provider: "WECHAT", sandbox: true, desktop: "QR" });
    expect((await getOrderDetail(demoOrderNo)).config?.sandbox).toBe(true);
    expect(await csvSandboxColumn(demoOrderNo)).toBe("yes");
    const dashboard = await loadDashboard();
    expect(dashboard.revenue.byProvider.every((row) => row.fen === 0)).toBe(true);
    expect(dashboard.revenue.days.every((day) => day.wechatFen === 0 && day.alipayFen === 0)).toBe(true);
    expect(dashboard.revenue.sandboxFen).toBe(3_000);

    const view = await getPaymentConfigView(wechat.id);
    const input = paymentConfigInputSchema.parse({
      provider: "WECHAT",
      name: view.name,
      appId: view.appId,
      merchantId: view.merchantId,
      merchantSerialNo: view.merchantSerialNo,
      providerKeyId: view.providerKeyId ?? undefined,
      gatewayUrl: view.gatewayUrl.replace("localhost", "127.0.0.1"),
      sandbox: false,
      enabled: true,
      isDefault: true,
      secrets: {},
    });
    await expect(updatePaymentConfig({ id: wechat.id, input, actorId: "nobody" })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { fields: { gatewayUrl: "sandbox_gateway_live" } },
    });

    // Nothing takes real money yet, so a demo payment through the unflagged config still credits
    // (the settlement's guard learns its gateway is the sandbox's), as demo credits.
    const user = await newTestUser();
    const order = await placeOrder("WECHAT", user.id);
    await payOnPhone(order.payUrl);
    await deliverNotifies();
    expect((await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(330);
    // Credited on the notify's first delivery, not after the provider had to retry.
    const notifies = await prisma.sandboxNotify.findMany({ where: { trade: { outTradeNo: order.orderNo } } });
    expect(notifies.map(({ state, attempts }) => ({ state, attempts }))).toEqual([{ state: "DELIVERED", attempts: 1 }]);
    const lots = await prisma.creditLot.findMany({ where: { userId: user.id } });
    expect(lots.length).toBeGreaterThan(0);
    expect(lots.every((lot) => lot.sandbox)).toBe(true);
  });

  it("with a live config enabled, no sandbox is offered and a sandbox payment credits nothing", async () => {
    const prisma = await getPrisma();
    const user = await newTestUser();
    // Codes handed out while the demo was on, paid after going live.
    const pending = await Promise.all([placeOrder("WECHAT", user.id), placeOrder("ALIPAY", user.id)]);

    const keys = { app: rsaKeyPair(), alipay: rsaKeyPair() };
    const live = await createPaymentConfig({
      provider: "ALIPAY",
      name: "Alipay live",
      appId: "2021004100000001",
      merchantId: "2088102100000001",
      gatewayUrl: "https://openapi.alipay.com/gateway.do",
      sandbox: false,
      enabled: true,
      isDefault: false,
      secrets: { appPrivateKeyPem: keys.app.privatePem, alipayPublicKeyPem: keys.alipay.publicPem },
    });
    expect(await availableProviders()).toEqual([]);
    expect(await demoModeOffered()).toBe(false);
    await expect(placeOrder("WECHAT", user.id)).rejects.toMatchObject({ code: "UNAVAILABLE" });

    for (const order of pending) await payOnPhone(order.payUrl);
    await deliverNotifies();
    for (const order of pending) await requestCheck(user.id, order.orderNo, new Date(Date.now() + 10_000));
    await reconcileOrders({ now: new Date(Date.now() + 3_600_000) });

    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(0);
    expect(await prisma.ledgerEntry.count({ where: { userId: user.id } })).toBe(0);
    for (const order of pending) {
      const after = await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } });
      expect(after).toMatchObject({ status: "CLOSED", closeReason: "SANDBOX_REFUSED", anomaly: sandboxRefusedReason });
      const callbacks = await prisma.paymentCallback.findMany({ where: { orderNo: order.orderNo } });
      expect(callbacks.length).toBeGreaterThan(0);
      expect(callbacks.every((callback) => callback.verified && callback.outcome === "SANDBOX_REFUSED")).toBe(true);
    }

    await setDefaultPaymentConfig(live.id, (await newTestUser("ADMIN")).id);
    expect(await availableProviders()).toEqual([{ provider: "ALIPAY", sandbox: false, desktop: "QR" }]);
  });
});
