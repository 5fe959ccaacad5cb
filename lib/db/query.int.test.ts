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

it("booleans, integers and text come back as the driver parses them, on both databases", async () => {
  const db = await getDatabase();
  const rows = await db.query<{ yes: boolean; n: number; s: string }>(
    Prisma.sql`SELECT ${true}::boolean AS yes, ${42}::int AS n, ${"文字"}::text AS s`,
  );
  expect(rows).toEqual([{ yes: true, n: 42, s: "文字" }]);
});
