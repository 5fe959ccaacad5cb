import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPackage } from "@/lib/packages/create-package";
import { listActivePackages } from "@/lib/packages/list-active-packages";
import { listAllPackages } from "@/lib/packages/list-all-packages";
import { packageInputSchema } from "@/lib/packages/package-input";
import { reorderPackages } from "@/lib/packages/reorder-packages";
import { setPackageActive } from "@/lib/packages/set-package-active";
import { updatePackage } from "@/lib/packages/update-package";
import { createOrder } from "@/lib/recharge/create-order";
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
  adminId = (await createUser({ email: "packages-admin@example.com", password: "admin1234", role: "ADMIN" })).id;
});

afterAll(async () => {
  await server.close();
});

const input = (fields: Record<string, unknown>) =>
  packageInputSchema.parse({
    name: "测试包",
    nameEn: "Test",
    priceYuan: "9.90",
    credits: 99,
    bonusCredits: 0,
    ...fields,
  });

describe("package input", () => {
  it("turns yuan into exact fen", () => {
    expect(input({ priceYuan: "0.29" }).priceYuan).toBe(29);
    expect(input({ priceYuan: "19.99" }).priceYuan).toBe(1_999);
    expect(input({ priceYuan: "1234.5" }).priceYuan).toBe(123_450);
    expect(input({ priceYuan: "7" }).priceYuan).toBe(700);
  });

  it("refuses prices that are not a positive amount with at most two decimals", () => {
    for (const priceYuan of ["1.234", "-1", "0", "1e3", "abc", "0.00"]) {
      const result = packageInputSchema.safeParse({ name: "x", priceYuan, credits: 1, bonusCredits: 0 });
      expect(result.success, priceYuan).toBe(false);
    }
  });
});

describe("package changes", () => {
  it("a price change never alters an existing order, paid later or not", async () => {
    const prisma = await getPrisma();
    const user = await createUser({ email: "snapshot@example.com", password: "snap1234" });
    const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
    const order = await createOrder({ userId: user.id, packageId: pkg.id, provider: "ALIPAY", channel: "QR" });
    const before = await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } });

    await updatePackage(pkg.id, input({ name: pkg.name, priceYuan: "45.00", credits: 999, bonusCredits: 1 }), adminId);
    const after = await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toEqual(before);
    expect(after).toMatchObject({ priceFen: 3_000, credits: 330 });

    // Paying it still charges and credits what the order said, not the new package.
    await payTrade(new URL(order.payUrl!).pathname.split("/").at(-1)!);
    for (let round = 0; round < 3; round++) await dispatchDueNotifies({ timeScale: 100_000 });
    const paid = await prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(paid).toMatchObject({ status: "PAID", priceFen: 3_000, paidAmountFen: 3_000, credits: 330 });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(330);

    const next = await createOrder({ userId: user.id, packageId: pkg.id, provider: "ALIPAY", channel: "QR" });
    expect(next).toMatchObject({ priceFen: 4_500, credits: 1_000 });
  });

  it("creates, edits, reorders and (de)activates, auditing each change", async () => {
    const prisma = await getPrisma();
    const created = await createPackage(input({ name: "新包", nameEn: "New", priceYuan: "12.34" }), adminId);
    expect(created).toMatchObject({ priceFen: 1_234, active: true });
    const all = await listAllPackages();
    expect(all.at(-1)?.id).toBe(created.id);

    const reversed = all.map((pkg) => pkg.id).reverse();
    await reorderPackages(reversed, adminId);
    expect((await listAllPackages()).map((pkg) => pkg.id)).toEqual(reversed);
    await expect(reorderPackages(reversed.slice(1), adminId)).rejects.toMatchObject({ code: "CONFLICT" });

    await setPackageActive(created.id, false, adminId);
    expect((await listActivePackages("en")).map((pkg) => pkg.id)).not.toContain(created.id);
    await setPackageActive(created.id, true, adminId);
    expect((await listActivePackages("en")).map((pkg) => pkg.id)).toContain(created.id);

    await updatePackage(created.id, input({ name: "新包", nameEn: "", priceYuan: "0.01", credits: 1 }), adminId);
    expect(await prisma.creditPackage.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      nameEn: null,
      priceFen: 1,
      credits: 1,
    });
    await expect(updatePackage("missing", input({}), adminId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await prisma.auditLog.findMany({ where: { target: { in: [created.id, "packages"] } } });
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      "package.activate",
      "package.create",
      "package.deactivate",
      "package.reorder",
      "package.update",
    ]);
    const update = audit.find((entry) => entry.action === "package.update");
    expect(update?.before).toMatchObject({ priceFen: 1_234 });
    expect(update?.after).toMatchObject({ priceFen: 1 });
  });
});
