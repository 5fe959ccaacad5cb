import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustBalance } from "@/lib/admin/adjust-balance";
import { getPrisma } from "@/lib/db";
import { createPaymentConfig } from "@/lib/payment-configs/create-payment-config";
import { openSecrets } from "@/lib/payment-configs/secrets";
import { createOrder } from "@/lib/recharge/create-order";
import { createRefund } from "@/lib/refunds/create-refund";
import { setFaults, clearFaults } from "@/lib/sandbox/faults";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { newTestUser, payOnPhone, setUpSandboxApp } from "@/lib/testing/sandbox-app";

const output: string[] = [];
const originalWrites = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

function capture(stream: NodeJS.WriteStream, original: typeof process.stdout.write) {
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    output.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
}

beforeAll(() => {
  process.env.LOG_LEVEL = "debug";
  capture(process.stdout, originalWrites.out);
  capture(process.stderr, originalWrites.err);
});
setUpSandboxApp();

afterAll(() => {
  process.stdout.write = originalWrites.out;
  process.stderr.write = originalWrites.err;
});

/** Every secret value we hold, in the forms it could leak in: whole, and each PEM line. */
async function secretNeedles(): Promise<string[]> {
  const prisma = await getPrisma();
  const values: string[] = [];
  for (const config of await prisma.paymentConfig.findMany()) {
    values.push(
      ...Object.values(openSecrets(config.id, config.sealedSecrets) as Record<string, unknown>).filter(
        (v): v is string => typeof v === "string",
      ),
    );
  }
  for (const merchant of await prisma.sandboxMerchant.findMany()) {
    const keys = merchantKeys(merchant);
    values.push(keys.providerPrivateKeyPem, ...(keys.apiV3Key ? [keys.apiV3Key] : []));
  }
  return values.flatMap((value) =>
    value.includes("-----BEGIN")
      ? value.split("\n").filter((line) => line.length >= 40 && !line.startsWith("-----"))
      : [value],
  );
}

describe("secrets", () => {
  it("are sealed in the database: no raw row holds a key", async () => {
    const prisma = await getPrisma();
    const needles = await secretNeedles();
    expect(needles.length).toBeGreaterThan(10);
    const rows = JSON.stringify([
      ...(await prisma.$queryRaw<unknown[]>`SELECT * FROM "PaymentConfig"`),
      ...(await prisma.$queryRaw<unknown[]>`SELECT * FROM "SandboxMerchant"`),
    ]);
    for (const needle of needles) expect(rows.includes(needle), "a stored config row contains a secret").toBe(false);
  });

  it("never reach logs, provider-call records, callbacks or the audit log through a whole payment life", async () => {
    const prisma = await getPrisma();
    const admin = await newTestUser("ADMIN");
    const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
    for (const provider of ["WECHAT", "ALIPAY"] as const) {
      const user = await newTestUser();
      const order = await createOrder({ userId: user.id, packageId: pkg.id, provider, channel: "QR" });
      await setFaults(`trade:${order.orderNo}`, { badSignature: true, signatureProbe: true });
      await payOnPhone(order.payUrl);
      await dispatchDueNotifies({ timeScale: 100_000 });
      await clearFaults();
      await createRefund({
        orderNo: order.orderNo,
        amountFen: 1_000,
        reason: "test",
        actorId: admin.id,
        allowNegativeBalance: true,
      });
      await adjustBalance({
        userId: user.id,
        actorId: admin.id,
        delta: 5,
        reason: "goodwill",
        allowNegativeBalance: false,
      });
    }
    // A config that fails validation must not echo the bad key either.
    await createPaymentConfig({
      provider: "ALIPAY",
      name: "broken",
      appId: "2021000000000001",
      merchantId: "2088000000000001",
      gatewayUrl: "https://openapi.alipay.com/gateway.do",
      sandbox: false,
      enabled: true,
      isDefault: false,
      secrets: {
        appPrivateKeyPem:
          "-----BEGIN PRIVATE KEY-----\nTHIS-IS-NOT-A-KEY-BUT-SECRET-TEXT-1234567890\n-----END PRIVATE KEY-----",
        alipayPublicKeyPem: "nope",
      },
    }).catch(() => undefined);

    const needles = [...(await secretNeedles()), "THIS-IS-NOT-A-KEY-BUT-SECRET-TEXT-1234567890"];
    const stored = JSON.stringify([
      await prisma.providerCall.findMany(),
      await prisma.paymentCallback.findMany(),
      await prisma.auditLog.findMany(),
      await prisma.orderEvent.findMany(),
    ]);
    expect(await prisma.providerCall.count()).toBeGreaterThan(4);
    const logs = output.join("");
    for (const needle of needles) {
      expect(logs.includes(needle), "a log line contains a secret").toBe(false);
      expect(stored.includes(needle), "a stored record contains a secret").toBe(false);
    }
  });
});
