import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createOrder } from "@/lib/recharge/create-order";
import { deliverNotifies, newTestUser, payOnPhone, setUpSandboxApp } from "@/lib/testing/sandbox-app";
import { renderMetrics } from "./render-metrics";

setUpSandboxApp();

/** The value of one sample line, e.g. `name{a="b"}`; 0 when absent. */
async function sample(series: string): Promise<number> {
  const { body } = await renderMetrics();
  const line = body.split("\n").find((text) => text.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("metrics after a recharge", () => {
  it("count the order, the verified notify, the settlement and the provider call", async () => {
    const wechat = 'provider="WECHAT"';
    const before = {
      created: await sample(`recharge_orders_created_total{${wechat},channel="QR"}`),
      paid: await sample(`recharge_orders_paid_total{${wechat},channel="QR"}`),
      notifies: await sample(`recharge_notifies_received_total{${wechat},kind="payment",result="verified"}`),
      settled: await sample(`recharge_notify_settlement_seconds_count{${wechat}}`),
      creates: await sample(`recharge_provider_call_seconds_count{${wechat},operation="create_qr",outcome="ok"}`),
    };
    const user = await newTestUser();
    const pkg = await (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
    const order = await createOrder({
      userId: user.id,
      packageId: pkg.id,
      provider: "WECHAT",
      channel: "QR",
      clientKey: randomBytes(8).toString("hex"),
    });
    expect(await sample(`recharge_oldest_unsettled_order_seconds`)).toBeGreaterThanOrEqual(0);
    await payOnPhone(order.payUrl);
    await deliverNotifies();

    expect(await sample(`recharge_orders_created_total{${wechat},channel="QR"}`)).toBe(before.created + 1);
    expect(await sample(`recharge_orders_paid_total{${wechat},channel="QR"}`)).toBe(before.paid + 1);
    expect(await sample(`recharge_notifies_received_total{${wechat},kind="payment",result="verified"}`)).toBe(
      before.notifies + 1,
    );
    expect(await sample(`recharge_notify_settlement_seconds_count{${wechat}}`)).toBe(before.settled + 1);
    expect(await sample(`recharge_provider_call_seconds_count{${wechat},operation="create_qr",outcome="ok"}`)).toBe(
      before.creates + 1,
    );
    expect(await sample("recharge_reconciliation_open_differences")).toBe(0);
    const { body } = await renderMetrics();
    expect(body).toContain("# TYPE recharge_live_status_connections gauge");
  });
});
