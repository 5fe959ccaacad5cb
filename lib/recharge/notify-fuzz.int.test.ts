import { randomBytes } from "node:crypto";
import type { PaymentConfig } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { maxNotifyBytes } from "@/lib/recharge/notify-endpoint";
import { createOrder } from "@/lib/recharge/create-order";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { sandboxProtocols } from "@/lib/sandbox/protocols";
import { findTradeById } from "@/lib/sandbox/trades";
import { newTestUser, setUpSandboxApp } from "@/lib/testing/sandbox-app";

const app = setUpSandboxApp();
const configs: Record<string, PaymentConfig> = {};

beforeAll(async () => {
  for (const config of await (await getPrisma()).paymentConfig.findMany()) configs[config.provider] = config;
});

async function post(provider: "WECHAT" | "ALIPAY", body: string | Uint8Array, headers: Record<string, string>) {
  const url = `${app.url()}/api/notify/${provider.toLowerCase()}/${configs[provider]!.id}`;
  const response = await fetch(url, {
    method: "POST",
    body: typeof body === "string" ? body : new Blob([new Uint8Array(body)]),
    headers,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * A correctly signed notify saying a fresh order was paid, while the provider's own records
 * (what our query sees) still say unpaid: only a verified notify can credit it.
 */
async function genuineNotify(provider: "WECHAT" | "ALIPAY") {
  const prisma = await getPrisma();
  const user = await newTestUser();
  const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "starter" } });
  const order = await createOrder({ userId: user.id, packageId: pkg.id, provider, channel: "QR" });
  const trade = await findTradeById(new URL(order.payUrl!).pathname.split("/").at(-1)!);
  const now = new Date();
  const paidCopy = {
    ...trade!,
    state: "PAID" as const,
    paidAt: now,
    paidAmountFen: trade!.amountFen,
    providerTradeNo: `42000${Date.now()}`,
  };
  const content = sandboxProtocols[provider].paymentNotify(merchantKeys(trade!.merchant), paidCopy, {
    wrongAmount: false,
    badSignature: false,
    now,
  });
  return { order, content };
}

const stackTrace = /\n\s+at\s|node_modules|\.ts:\d+/;

describe.each(["WECHAT", "ALIPAY"] as const)("%s notify endpoint under malformed input", (provider) => {
  it("answers every malformed body without a stack trace, credits nothing, stores what it received", async () => {
    const { order, content } = await genuineNotify(provider);
    const contentType = content.headers["content-type"] ?? "application/json";
    // Altered after signing: the signature no longer matches.
    const forged =
      provider === "ALIPAY"
        ? content.body.replace(/total_amount=[^&]*/, "total_amount=0.01")
        : content.body.replace('"summary":"', '"summary":"x');
    expect(forged).not.toBe(content.body);
    const cases: [string, string | Uint8Array, Record<string, string>][] = [
      ["empty", "", content.headers],
      ["truncated", content.body.slice(0, Math.floor(content.body.length / 2)), content.headers],
      ["garbage bytes", new Uint8Array(randomBytes(512)), content.headers],
      ["not json / not a form", "<xml><a>1</a></xml>", { ...content.headers, "content-type": "text/xml" }],
      ["forged, wrong content type", forged, { ...content.headers, "content-type": "text/plain" }],
      [
        "duplicated field",
        provider === "ALIPAY" ? `${content.body}&total_amount=0.01` : content.body.replace("{", '{"id":"x",'),
        content.headers,
      ],
      ["forged, no signature headers", forged, { "content-type": contentType }],
      ["deep nesting", "[".repeat(5_000) + "]".repeat(5_000), content.headers],
    ];
    for (const [name, body, headers] of cases) {
      const answer = await post(provider, body, headers);
      expect(answer.status, name).not.toBe(200);
      expect(answer.text, name).not.toMatch(stackTrace);
      expect(answer.text, name).not.toBe("success");
    }
    const prisma = await getPrisma();
    expect(await prisma.ledgerEntry.count({ where: { reference: order.orderNo } })).toBe(0);
    const stored = await prisma.paymentCallback.findMany({
      where: { configId: configs[provider]!.id, verified: false },
    });
    expect(stored.length).toBeGreaterThanOrEqual(cases.length);
    expect(stored.every((callback) => callback.body.length <= maxNotifyBytes)).toBe(true);

    // The genuine notify still works afterwards, once.
    expect((await post(provider, content.body, content.headers)).status).toBe(200);
    expect((await post(provider, content.body, content.headers)).status).toBe(200);
    expect(await prisma.ledgerEntry.count({ where: { reference: order.orderNo } })).toBe(1);
  });

  it("refuses an oversized body without reading it whole, and stores only its size", async () => {
    const huge = "a=".concat("x".repeat(maxNotifyBytes + 10));
    const answer = await post(provider, huge, { "content-type": "application/x-www-form-urlencoded" });
    expect(answer.status).toBe(413);
    const prisma = await getPrisma();
    const oversized = await prisma.paymentCallback.findFirstOrThrow({ where: { outcome: "OVERSIZED", provider } });
    expect(oversized.body).toBe("");
    expect(oversized.bodyBytes).toBeGreaterThan(maxNotifyBytes);
  });

  it("answers 404 for an unknown config and a provider that does not match the config", async () => {
    const other = provider === "WECHAT" ? "ALIPAY" : "WECHAT";
    const wrongProvider = await fetch(`${app.url()}/api/notify/${other.toLowerCase()}/${configs[provider]!.id}`, {
      method: "POST",
      body: "x=1",
    });
    expect(wrongProvider.status).toBe(404);
    const unknown = await fetch(`${app.url()}/api/notify/${provider.toLowerCase()}/no-such-config`, {
      method: "POST",
      body: "x=1",
    });
    expect(unknown.status).toBe(404);
  });
});
