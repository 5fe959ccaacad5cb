import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { migrationsBefore } from "@/lib/testing/migrations-before";
import { openEmptyDatabase } from "@/lib/testing/test-database";

describe("the migration to two package names, on a database that has orders", () => {
  it('splits "<zh> / <en>" back into the two names and leaves every other name as it was', async () => {
    const { db, dispose } = await openEmptyDatabase();
    try {
      await migrate(db, migrationsBefore("_order_package_name_en"));
      await db.withSession(async (session) => {
        await session.exec(`
          INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ('u', 'u@example.com', 'x', now());
          INSERT INTO "RechargeOrder" (id, "orderNo", "userId", "packageId", "packageName", "priceFen", credits,
                                       provider, channel, "configId", status, "expiresAt", "updatedAt") VALUES
            ('o1', 'R1', 'u', 'p', '入门包 / Starter', 600, 60, 'WECHAT', 'QR', 'c', 'PAID', now(), now()),
            ('o2', 'R2', 'u', 'p', '只有中文', 600, 60, 'WECHAT', 'QR', 'c', 'PAID', now(), now()),
            ('o3', 'R3', 'u', 'p', 'A / B / C', 600, 60, 'ALIPAY', 'QR', 'c', 'PENDING', now(), now()),
            ('o4', 'R4', 'u', 'p', ' / Starter', 600, 60, 'ALIPAY', 'QR', 'c', 'CLOSED', now(), now());`);
      });
      await migrate(db);

      const orders = await db.prisma.rechargeOrder.findMany({
        orderBy: { orderNo: "asc" },
        select: { orderNo: true, packageName: true, packageNameEn: true },
      });
      expect(orders).toEqual([
        { orderNo: "R1", packageName: "入门包", packageNameEn: "Starter" },
        { orderNo: "R2", packageName: "只有中文", packageNameEn: null },
        { orderNo: "R3", packageName: "A / B / C", packageNameEn: null },
        { orderNo: "R4", packageName: " / Starter", packageNameEn: null },
      ]);
    } finally {
      await dispose();
    }
  }, 120_000);
});
