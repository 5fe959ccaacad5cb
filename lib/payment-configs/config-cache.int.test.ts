import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { getDatabase, getPrisma } from "@/lib/db";
import { busIsLive } from "@/lib/events/bus";
import { loadDefaultConfig, loadConfig } from "@/lib/payment-configs/load-adapter";
import { setUpSandboxApp } from "@/lib/testing/sandbox-app";

setUpSandboxApp();

async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe("loading a payment config by id", () => {
  it("is served from this instance's copy until any write to the row is announced", async () => {
    const { config } = await loadDefaultConfig("WECHAT");
    const first = await loadConfig(config.id);
    const again = await loadConfig(config.id);
    const postgres = (await getDatabase()).target.kind === "postgres";
    // PostgreSQL: the second read is the cached row; embedded: every read is fresh.
    if (postgres) expect(again.config).toBe(first.config);
    else expect(again.config).not.toBe(first.config);

    // A write outside the app's use cases is announced too (the trigger sees every write).
    await (
      await getPrisma()
    ).$executeRaw`UPDATE "PaymentConfig" SET "name" = 'renamed' WHERE "id" = ${config.id}`;
    expect(await eventually(async () => (await loadConfig(config.id)).config.name === "renamed")).toBe(true);

    await (await getPrisma()).paymentConfig.update({ where: { id: config.id }, data: { name: config.name } });
    expect(await eventually(async () => (await loadConfig(config.id)).config.name === config.name)).toBe(true);
  });

  it("serves the default config from the copy too, and follows a change of default", async () => {
    const postgres = (await getDatabase()).target.kind === "postgres";
    const first = await loadDefaultConfig("WECHAT");
    const again = await loadDefaultConfig("WECHAT");
    if (postgres) expect(again.config).toBe(first.config);
    const prisma = await getPrisma();
    await prisma.paymentConfig.update({ where: { id: first.config.id }, data: { enabled: false } });
    const unavailable = await eventually(() =>
      loadDefaultConfig("WECHAT").then(
        () => false,
        (error: unknown) => (error as { code?: string }).code === "UNAVAILABLE",
      ),
    );
    expect(unavailable).toBe(true);
    await prisma.paymentConfig.update({ where: { id: first.config.id }, data: { enabled: true } });
    expect(await eventually(async () => (await loadDefaultConfig("WECHAT")).config.id === first.config.id)).toBe(true);
  });

  it("drops every copy when the bus connection is lost, and caches again once it is back", async () => {
    const db = await getDatabase();
    if (db.target.kind !== "postgres") return;
    const { config } = await loadDefaultConfig("ALIPAY");
    const first = await loadConfig(config.id);
    expect((await loadConfig(config.id)).config).toBe(first.config);

    await db.query(
      Prisma.sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    expect(await eventually(async () => !busIsLive())).toBe(true);
    // Changes made while nobody listens are not missed: nothing is cached meanwhile.
    await (
      await getPrisma()
    ).$executeRaw`UPDATE "PaymentConfig" SET "name" = 'while away' WHERE "id" = ${config.id}`;
    expect((await loadConfig(config.id)).config.name).toBe("while away");

    expect(await eventually(async () => busIsLive())).toBe(true);
    const cached = await loadConfig(config.id);
    expect((await loadConfig(config.id)).config).toBe(cached.config);
    await (await getPrisma()).paymentConfig.update({ where: { id: config.id }, data: { name: config.name } });
  });

  it("still says NOT_FOUND for an unknown id", async () => {
    await expect(loadConfig("no-such-config")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
