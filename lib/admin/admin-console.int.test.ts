import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adjustBalance } from "@/lib/admin/adjust-balance";
import { auditQuerySchema, listAuditLog } from "@/lib/admin/audit/list-audit-log";
import { loadDashboard } from "@/lib/admin/dashboard/dashboard";
import { closeOrderAsAdmin, syncOrder } from "@/lib/admin/order-actions";
import { refundFormSchema, refundOrder } from "@/lib/admin/refund-order";
import { getOrderDetail, type TimelineItem } from "@/lib/admin/transactions/order-detail";
import { getUserDetail, userDetailQuerySchema } from "@/lib/admin/users/get-user-detail";
import { getPrisma } from "@/lib/db";
import { createOrder } from "@/lib/recharge/create-order";
import { clearFaults, setFaults } from "@/lib/sandbox/faults";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { provisionSandboxConfigs } from "@/lib/sandbox/provision";
import { payTrade } from "@/lib/sandbox/trades";
import { seedPackages } from "@/lib/seed/packages";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { createUser } from "@/lib/users/create-user";

let server: AppServer;
let adminId: string;

beforeAll(async () => {
  server = await startAppServer();
  process.env.APP_URL = server.url;
  await seedPackages(await getPrisma());
  await provisionSandboxConfigs();
  adminId = (await createUser({ email: "console-admin@example.com", password: "admin1234", role: "ADMIN" })).id;
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  await clearFaults();
});

async function deliverNotifies() {
  for (let round = 0; round < 3; round++) {
    await dispatchDueNotifies({ timeScale: 100_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const tradeIdOf = (payUrl: string | null) => new URL(payUrl ?? "").pathname.split("/").at(-1) ?? "";

async function standardOrder(email: string, provider: "WECHAT" | "ALIPAY") {
  const prisma = await getPrisma();
  const user = await createUser({ email, password: "user12345" });
  const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
  const order = await createOrder({ userId: user.id, packageId: pkg.id, provider, channel: "QR" });
  return { user, order };
}

function summary(item: TimelineItem): string {
  switch (item.kind) {
    case "event":
      return `event:${item.type}`;
    case "callback":
      return `callback:${item.callbackKind}:${item.verified ? "verified" : "rejected"}`;
    case "providerCall":
      return `call:${item.operation}:${item.outcome}`;
    case "ledger":
      return `ledger:${item.ledgerKind}:${item.delta}`;
    case "refund":
      return `refund:${item.status}`;
  }
}

describe("order detail", () => {
  it.each(["WECHAT", "ALIPAY"] as const)(
    "%s: shows everything that happened to a paid, partly refunded order, in time order",
    async (provider) => {
      const { order } = await standardOrder(`timeline-${provider}@example.com`, provider);
      await payTrade(tradeIdOf(order.payUrl));
      await deliverNotifies();
      const refund = await refundOrder(
        order.orderNo,
        refundFormSchema.parse({ amountYuan: "10.00", reason: "customer asked" }),
        adminId,
      );
      expect(refund).toMatchObject({ amountFen: 1_000, credits: 110, status: "SUCCESS" });
      await deliverNotifies();

      const detail = await getOrderDetail(order.orderNo);
      expect(detail.order).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedFen: 1_000, paidAmountFen: 3_000 });
      const seen = detail.timeline.map(summary);
      expect(seen).toEqual(
        expect.arrayContaining([
          "event:created",
          "call:create_qr:ok",
          "event:code_issued",
          "callback:payment:verified",
          "event:paid",
          "ledger:RECHARGE:330",
          "event:refund_requested",
          "call:refund:ok",
          "ledger:REFUND:-110",
          "refund:SUCCESS",
        ]),
      );
      // The refund notify (Alipay sends it to the payment URL, so look at the outcome, not the kind).
      const refundNotify = detail.timeline.find(
        (item) => item.kind === "callback" && item.verified && item.outcome.startsWith("REFUND_"),
      );
      expect(refundNotify).toBeDefined();
      expect(seen.indexOf("event:created")).toBeLessThan(seen.indexOf("event:paid"));
      expect(seen.indexOf("event:paid")).toBeLessThan(seen.indexOf("ledger:REFUND:-110"));
      const times = detail.timeline.map((item) => item.at);
      expect([...times].sort()).toEqual(times);
      const callback = detail.timeline.find((item) => item.kind === "callback");
      expect(callback && callback.kind === "callback" && callback.body.length).toBeGreaterThan(0);

      const audit = await listAuditLog(auditQuerySchema.parse({ action: "order.refund", target: order.orderNo }));
      expect(audit.entries).toHaveLength(1);
      expect(audit.entries[0]).toMatchObject({ actorEmail: "console-admin@example.com", target: order.orderNo });
    },
  );

  it("closes a pending order (audited) and syncs one whose notify was lost (audited)", async () => {
    const { order: pending } = await standardOrder("close-me@example.com", "WECHAT");
    const closed = await closeOrderAsAdmin(pending.orderNo, adminId);
    expect(closed).toMatchObject({ closed: true });
    const closedDetail = await getOrderDetail(pending.orderNo);
    expect(closedDetail.order.status).toBe("CLOSED");
    expect(closedDetail.timeline.map(summary)).toEqual(expect.arrayContaining(["event:closed", "call:close:ok"]));

    const { order: lost } = await standardOrder("lost-notify@example.com", "ALIPAY");
    await setFaults(`trade:${lost.orderNo}`, { dropNotifies: "all" });
    await payTrade(tradeIdOf(lost.payUrl));
    expect(await syncOrder(lost.orderNo, adminId)).toMatchObject({ providerState: "PAID", settled: "CREDITED" });

    const prisma = await getPrisma();
    const actions = await prisma.auditLog.findMany({ where: { target: { in: [pending.orderNo, lost.orderNo] } } });
    expect(actions.map((entry) => `${entry.action}:${entry.target}`).sort()).toEqual(
      [`order.close:${pending.orderNo}`, `order.sync:${lost.orderNo}`].sort(),
    );
  });

  it("answers NOT_FOUND for an unknown order", async () => {
    await expect(getOrderDetail("R20250101AAAAAAAAAAAAAAAAAAAA")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("user page", () => {
  it("lists the user's orders and ledger with who made each adjustment", async () => {
    const { user, order } = await standardOrder("user-page@example.com", "ALIPAY");
    await payTrade(tradeIdOf(order.payUrl));
    await deliverNotifies();
    await adjustBalance({
      userId: user.id,
      actorId: adminId,
      delta: -30,
      reason: "spent",
      allowNegativeBalance: false,
    });
    const detail = await getUserDetail(user.id, userDetailQuerySchema.parse({}));
    expect(detail.user).toMatchObject({ email: "user-page@example.com", balance: 300 });
    expect(detail.orders.items.map((item) => item.orderNo)).toEqual([order.orderNo]);
    expect(detail.ledger.entries.map((entry) => [entry.kind, entry.delta, entry.actorEmail])).toEqual([
      ["ADJUST", -30, "console-admin@example.com"],
      ["RECHARGE", 330, null],
    ]);
  });
});

describe("dashboard", () => {
  it("counts today's revenue by provider, refunds, statuses, and the notifies we did not believe", async () => {
    const before = await loadDashboard();
    const { order } = await standardOrder("dashboard@example.com", "WECHAT");
    await setFaults(`trade:${order.orderNo}`, { badSignature: true });
    await payTrade(tradeIdOf(order.payUrl));
    await deliverNotifies();

    const after = await loadDashboard();
    const today = after.revenue.days.at(-1);
    const todayBefore = before.revenue.days.at(-1);
    expect(after.revenue.days).toHaveLength(30);
    // The bad signature was not believed, but our own query then proved the payment; it went
    // through the sandbox, so it is simulated money: reported beside revenue, never in it.
    expect((today?.wechatFen ?? 0) - (todayBefore?.wechatFen ?? 0)).toBe(0);
    expect(after.revenue.sandboxFen - before.revenue.sandboxFen).toBe(3_000);
    const paid = (d: typeof after) => d.orders.byStatus.find((row) => row.status === "PAID")?.count ?? 0;
    expect(paid(after) - paid(before)).toBe(1);
    expect(after.attention.failedCallbacks.total).toBeGreaterThan(before.attention.failedCallbacks.total);
    expect(after.attention.failedCallbacks.recent[0]).toMatchObject({ orderNo: order.orderNo, verified: false });
    // Every refund in this file returned sandbox money: none of it is a refund of revenue.
    expect(after.revenue.refundedFen).toBe(0);
    expect(after.orders.successRate.paid).toBeLessThanOrEqual(after.orders.successRate.decided);
  });
});
