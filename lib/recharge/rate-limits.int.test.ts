import { randomBytes } from "node:crypto";
import type { Session } from "next-auth";
import { describe, expect, it, vi } from "vitest";
import { POST as checkOrderRoute } from "@/app/api/orders/[orderNo]/check/route";
import { POST as createOrderRoute } from "@/app/api/orders/route";
import { getPrisma } from "@/lib/db";
import { newTestUser, setUpSandboxApp } from "@/lib/testing/sandbox-app";

const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("@/lib/auth/options", () => ({ authOptions: () => ({}) }));

const app = setUpSandboxApp();

async function signedInUser() {
  const user = await newTestUser();
  session.current = {
    user: { id: user.id, email: user.email, role: "USER" },
    expires: new Date(Date.now() + 60_000).toISOString(),
  };
  return user;
}

function createRequest(packageId: string, clientKey: string) {
  return new Request(`${app.url()}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ packageId, provider: "ALIPAY", channel: "QR", clientKey }),
  });
}

describe("rate limits", () => {
  it("order creation: 20 a minute per user, then 429 with Retry-After", async () => {
    await signedInUser();
    const pkg = await (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "starter" } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      const response = await createOrderRoute(
        createRequest(pkg.id, `key-${attempt}-${randomBytes(4).toString("hex")}`),
      );
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('"I have paid": 30 a minute per user, then 429', async () => {
    await signedInUser();
    const pkg = await (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "starter" } });
    const created = await createOrderRoute(createRequest(pkg.id, `key-check-${randomBytes(4).toString("hex")}`));
    const { order } = (await created.json()) as { order: { orderNo: string } };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      const response = await checkOrderRoute(
        new Request(`${app.url()}/api/orders/${order.orderNo}/check`, { method: "POST" }),
        {
          params: Promise.resolve({ orderNo: order.orderNo }),
        },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
