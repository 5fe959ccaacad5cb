import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { transactionsCsv } from "@/lib/admin/transactions/export-csv";
import { transactionFiltersSchema } from "@/lib/admin/transactions/filters";
import { listTransactions, transactionListSchema } from "@/lib/admin/transactions/list-transactions";
import { getPrisma } from "@/lib/db";
import { listOwnEntries } from "@/lib/ledger/list-own-entries";
import { createOrder } from "@/lib/recharge/create-order";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { deliverNotifies, newTestUser, payOnPhone, setUpSandboxApp } from "@/lib/testing/sandbox-app";

setUpSandboxApp();

async function csvRecord(orderNo: string): Promise<Record<string, string>> {
  const stream = transactionsCsv(transactionFiltersSchema.parse({ q: orderNo }));
  const text = new TextDecoder().decode(await new Response(stream).arrayBuffer());
  // The names here hold no commas or quotes, so a plain split reads the two lines.
  const [head, line] = text.trimEnd().split("\n");
  const columns = head!.split(",");
  return Object.fromEntries(line!.split(",").map((cell, index) => [columns[index]!, cell]));
}

describe("an order keeps both of its package's names", () => {
  it("from creation to the ledger, the admin list and the CSV, each name in its own field", async () => {
    const prisma = await getPrisma();
    const pkg = await prisma.creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
    const user = await newTestUser();
    const order = await createOrder({
      userId: user.id,
      packageId: pkg.id,
      provider: "ALIPAY",
      channel: "QR",
      clientKey: randomBytes(8).toString("hex"),
    });
    expect(order).toMatchObject({ packageName: "标准包", packageNameEn: "Standard" });

    // A later rename changes nothing the order shows: it is a snapshot.
    await prisma.creditPackage.update({ where: { id: pkg.id }, data: { name: "标准包二代", nameEn: "Standard II" } });
    try {
      await payOnPhone(order.payUrl);
      await deliverNotifies();
      expect(await getOwnOrder(user.id, order.orderNo)).toMatchObject({
        status: "PAID",
        packageName: "标准包",
        packageNameEn: "Standard",
      });

      const ledger = await listOwnEntries({ userId: user.id, page: 1, pageSize: 10 });
      expect(ledger.entries).toMatchObject([
        { kind: "RECHARGE", reference: order.orderNo, packageName: "标准包", packageNameEn: "Standard" },
      ]);

      const listed = await listTransactions(transactionListSchema.parse({ q: order.orderNo }));
      expect(listed.orders).toMatchObject([{ packageName: "标准包", packageNameEn: "Standard" }]);
      expect(await csvRecord(order.orderNo)).toMatchObject({ package: "标准包", package_en: "Standard" });
    } finally {
      await prisma.creditPackage.update({ where: { id: pkg.id }, data: { name: pkg.name, nameEn: pkg.nameEn } });
    }
  });

  it("a package without an English name leaves the order's English name empty, not a copy", async () => {
    const prisma = await getPrisma();
    const pkg = await prisma.creditPackage.create({
      data: { name: "只有中文", nameEn: "", priceFen: 100, credits: 10, active: true, sort: 99 },
    });
    try {
      const user = await newTestUser();
      const order = await createOrder({
        userId: user.id,
        packageId: pkg.id,
        provider: "WECHAT",
        channel: "QR",
        clientKey: randomBytes(8).toString("hex"),
      });
      expect(order).toMatchObject({ packageName: "只有中文", packageNameEn: null });
    } finally {
      await prisma.creditPackage.update({ where: { id: pkg.id }, data: { active: false } });
    }
  });
});
