import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { ensureAdmin } from "@/lib/seed/admin";
import { defaultPackages, seedPackages } from "@/lib/seed/packages";

describe("seeding", () => {
  it("creates the default packages once, however often it runs", async () => {
    const prisma = await getPrisma();
    expect(await seedPackages(prisma)).toBe(defaultPackages.length);
    expect(await seedPackages(prisma)).toBe(0);
    await Promise.all([seedPackages(prisma), seedPackages(prisma)]);
    const packages = await prisma.creditPackage.findMany({ orderBy: { sort: "asc" } });
    expect(packages.map((pkg) => [pkg.priceFen, pkg.credits, pkg.bonusCredits])).toEqual([
      [600, 60, 0],
      [3_000, 300, 30],
      [9_800, 980, 120],
      [29_800, 2_980, 520],
    ]);
  });

  it("leaves packages an admin changed alone", async () => {
    const prisma = await getPrisma();
    await prisma.creditPackage.update({ where: { seedKey: "starter" }, data: { priceFen: 800, active: false } });
    await seedPackages(prisma);
    const starter = await prisma.creditPackage.findUniqueOrThrow({ where: { seedKey: "starter" } });
    expect([starter.priceFen, starter.active]).toEqual([800, false]);
  });

  it("creates the first admin, and never resets an existing account's password", async () => {
    const prisma = await getPrisma();
    expect(await ensureAdmin(prisma, "Boss@Example.com", "first1234")).toBe("created");
    expect(await ensureAdmin(prisma, "boss@example.com", "other1234")).toBe("unchanged");
    const boss = await prisma.user.findUniqueOrThrow({ where: { email: "boss@example.com" } });
    expect(boss.role).toBe("ADMIN");
    expect(await verifyPassword(boss.passwordHash, "first1234")).toBe(true);

    await prisma.user.update({ where: { id: boss.id }, data: { role: "USER" } });
    expect(await ensureAdmin(prisma, "boss@example.com", "other1234")).toBe("promoted");
    expect(await prisma.user.count({ where: { email: "boss@example.com" } })).toBe(1);
  });

  it("refuses a weak first admin password", async () => {
    await expect(ensureAdmin(await getPrisma(), "weak@example.com", "short")).rejects.toThrow(/too weak/);
  });
});
