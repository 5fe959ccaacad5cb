import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { pruneRawRecords } from "./prune-raw-records";

const DAY_MS = 24 * 3_600_000;

describe("pruneRawRecords", () => {
  it("deletes raw notifies and provider calls past the age, in batches, and keeps the rest", async () => {
    const prisma = await getPrisma();
    const now = new Date();
    const old = new Date(now.getTime() - 31 * DAY_MS);
    const recent = new Date(now.getTime() - 29 * DAY_MS);
    const callback = (createdAt: Date) => ({
      provider: "WECHAT" as const,
      kind: "payment",
      headers: {},
      body: "{}",
      bodyBytes: 2,
      verified: false,
      outcome: "REJECTED",
      createdAt,
    });
    const call = (createdAt: Date) => ({
      provider: "ALIPAY" as const,
      operation: "query",
      request: {},
      latencyMs: 1,
      outcome: "ok",
      createdAt,
    });
    await prisma.paymentCallback.createMany({ data: [callback(old), callback(old), callback(old), callback(recent)] });
    await prisma.providerCall.createMany({ data: [call(old), call(recent)] });

    expect(await pruneRawRecords({ now, olderThanDays: 30, batchSize: 2 })).toEqual({ callbacks: 3, providerCalls: 1 });
    expect(await prisma.paymentCallback.count()).toBe(1);
    expect(await prisma.providerCall.count()).toBe(1);
    expect(await pruneRawRecords({ now, olderThanDays: 30 })).toEqual({ callbacks: 0, providerCalls: 0 });
  });
});
