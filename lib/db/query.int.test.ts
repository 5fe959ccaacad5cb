import { Prisma } from "@prisma/client";
import { afterEach, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { storeCallback } from "@/lib/recharge/store-callback";

const zoneBefore = process.env.TZ;

afterEach(() => {
  process.env.TZ = zoneBefore;
});

it("a date sent straight to the driver is the instant Prisma reads back, whatever the local time zone", async () => {
  // node-postgres would serialize a Date in local time with an offset; the column drops offsets.
  process.env.TZ = "Asia/Shanghai";
  const receivedAt = new Date("2026-11-23T01:02:03.456Z");
  await storeCallback({
    provider: "WECHAT",
    configId: "zone-test",
    kind: "payment",
    headers: { "content-type": "application/json" },
    body: "{}",
    bodyBytes: 2,
    verified: false,
    outcome: "REJECTED",
    receivedAt,
  });
  const db = await getDatabase();
  const stored = await db.prisma.paymentCallback.findFirstOrThrow({ where: { configId: "zone-test" } });
  expect(stored.createdAt.toISOString()).toBe(receivedAt.toISOString());
  expect(stored.headers).toEqual({ "content-type": "application/json" });
});

it("rows read straight from the driver equal Prisma's, timestamps included, whatever the local time zone", async () => {
  process.env.TZ = "America/Los_Angeles";
  const db = await getDatabase();
  const config = await db.prisma.paymentConfig.create({
    data: {
      id: "zone-config",
      provider: "ALIPAY",
      name: "时区 test",
      appId: "2021000000000000",
      merchantId: "2088000000000000",
      gatewayUrl: "http://127.0.0.1:1/gateway.do",
      sealedSecrets: "not-a-real-seal",
      secretFingerprints: { privateKey: "ab:cd" },
      deletedAt: new Date("2026-01-02T03:04:05.678Z"),
    },
  });
  const direct = await db.query(Prisma.sql`SELECT * FROM "PaymentConfig" WHERE id = ${config.id}`);
  expect(direct).toEqual([config]);
});

it("booleans, integers and text come back as the driver parses them, on both databases", async () => {
  const db = await getDatabase();
  const rows = await db.query<{ yes: boolean; n: number; s: string }>(
    Prisma.sql`SELECT ${true}::boolean AS yes, ${42}::int AS n, ${"文字"}::text AS s`,
  );
  expect(rows).toEqual([{ yes: true, n: 42, s: "文字" }]);
});
