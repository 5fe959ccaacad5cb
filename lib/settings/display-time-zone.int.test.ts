import type { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { revenueSummary } from "@/lib/admin/dashboard/revenue";
import { auditQuerySchema, listAuditLog } from "@/lib/admin/audit/list-audit-log";
import { transactionsCsv } from "@/lib/admin/transactions/export-csv";
import { transactionFiltersSchema } from "@/lib/admin/transactions/filters";
import { listTransactions, transactionListSchema } from "@/lib/admin/transactions/list-transactions";
import { getPrisma } from "@/lib/db";
import { newOrderNo } from "@/lib/recharge/order-no";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";
import { setDisplayTimeZone } from "@/lib/settings/set-display-time-zone";
import { creditRechargeForTest } from "@/lib/testing/credit-recharge";
import { createUser } from "@/lib/users/create-user";

// New York's clocks went forward at 2025-03-09 02:00 local (07:00Z): that day is 23 hours long.
const instants = {
  /** 2025-03-08 23:30 in New York, 2025-03-09 12:30 in Shanghai. */
  beforeDay: new Date("2025-03-09T04:30:00Z"),
  /** 2025-03-09 00:30 New York (EST, −05:00). */
  dayStart: new Date("2025-03-09T05:30:00Z"),
  /** 2025-03-09 23:30 New York (EDT, −04:00); already 2025-03-10 in Shanghai. */
  dayEnd: new Date("2025-03-10T03:30:00Z"),
  /** 2025-03-10 00:30 New York. */
  afterDay: new Date("2025-03-10T04:30:00Z"),
};
const orderNos = new Map<keyof typeof instants, string>();
let adminId: string;

beforeAll(async () => {
  const prisma = await getPrisma();
  const user = await createUser({ email: "zone-buyer@example.com", password: "zone-buyer-1" });
  adminId = (await createUser({ email: "zone-admin@example.com", password: "zone-admin-1", role: "ADMIN" })).id;
  for (const [key, createdAt] of Object.entries(instants) as [keyof typeof instants, Date][]) {
    const row: Prisma.RechargeOrderCreateManyInput = {
      orderNo: newOrderNo(createdAt),
      userId: user.id,
      packageId: "pkg",
      packageName: "标准包",
      packageNameEn: "Standard",
      priceFen: 1_000,
      credits: 100,
      provider: "WECHAT",
      configId: "live-config",
      channel: "QR",
      status: "PAID",
      expiresAt: new Date(createdAt.getTime() + 30 * 60_000),
      paidAt: createdAt,
      paidAmountFen: 1_000,
      providerTradeNo: `4200${key}`,
      createdAt,
    };
    await prisma.rechargeOrder.create({ data: row });
    await prisma.$transaction((tx) => creditRechargeForTest(tx, { bonusCredits: 0, ...row }));
    orderNos.set(key, row.orderNo);
  }
});

async function csvOf(query: Record<string, string>): Promise<Map<string, Record<string, string>>> {
  const text = await new Response(transactionsCsv(transactionFiltersSchema.parse(query))).text();
  const [head, ...lines] = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\n");
  const columns = head!.split(",");
  const rows = lines.map((line) => Object.fromEntries(line.split(",").map((cell, index) => [columns[index]!, cell])));
  return new Map(rows.map((row) => [row.order_no!, row]));
}

describe("the admin-chosen display time zone", () => {
  it("is Asia/Shanghai until an admin chooses one, and filters and exports by Shanghai days", async () => {
    expect(await getDisplayTimeZone()).toBe("Asia/Shanghai");
    const rows = await csvOf({ from: "2025-03-10", to: "2025-03-10" });
    expect([...rows.keys()].sort()).toEqual([orderNos.get("dayEnd"), orderNos.get("afterDay")].sort());
    expect(rows.get(orderNos.get("dayEnd")!)?.created_at).toBe("2025-03-10T11:30:00+08:00");
  });

  it("once chosen (and audited), filters days, CSV times and revenue days follow it, daylight saving included", async () => {
    await setDisplayTimeZone({ timeZone: "America/New_York", actorId: adminId });
    expect(await getDisplayTimeZone()).toBe("America/New_York");
    const prisma = await getPrisma();
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "display_settings.time_zone" } });
    expect(audit).toMatchObject({
      actorId: adminId,
      before: { timeZone: "Asia/Shanghai" },
      after: { timeZone: "America/New_York" },
    });

    // The 23-hour day of 2025-03-09 in New York holds exactly the two orders inside it.
    const rows = await csvOf({ from: "2025-03-09", to: "2025-03-09" });
    expect([...rows.keys()].sort()).toEqual([orderNos.get("dayStart"), orderNos.get("dayEnd")].sort());
    expect(rows.get(orderNos.get("dayStart")!)?.created_at).toBe("2025-03-09T00:30:00-05:00");
    expect(rows.get(orderNos.get("dayEnd")!)?.paid_at).toBe("2025-03-09T23:30:00-04:00");
    const page = await listTransactions(transactionListSchema.parse({ from: "2025-03-09", to: "2025-03-09" }));
    expect(page.orders.map((order) => order.orderNo).sort()).toEqual([...rows.keys()].sort());

    const revenue = await revenueSummary({ firstDay: "2025-03-08", days: 3, timeZone: "America/New_York" });
    expect(revenue.days).toEqual([
      { day: "2025-03-08", wechatFen: 1_000, alipayFen: 0 },
      { day: "2025-03-09", wechatFen: 2_000, alipayFen: 0 },
      { day: "2025-03-10", wechatFen: 1_000, alipayFen: 0 },
    ]);
    // The same payments by Shanghai days: the database converts with the zone it is given.
    const shanghai = await revenueSummary({ firstDay: "2025-03-09", days: 2, timeZone: "Asia/Shanghai" });
    expect(shanghai.days.map((day) => day.wechatFen)).toEqual([2_000, 2_000]);

    // The audit log's day filter means the chosen zone's day too.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(audit.createdAt);
    const listed = await listAuditLog(auditQuerySchema.parse({ from: today, to: today }));
    expect(listed.entries.map((entry) => entry.action)).toContain("display_settings.time_zone");
  });
});
