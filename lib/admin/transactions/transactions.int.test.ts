import type { OrderStatus, Prisma, Provider } from "@prisma/client";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { exportFileName, transactionsCsv } from "@/lib/admin/transactions/export-csv";
import { transactionFiltersSchema, type TransactionFilters } from "@/lib/admin/transactions/filters";
import { listTransactions, transactionListSchema } from "@/lib/admin/transactions/list-transactions";
import { getPrisma } from "@/lib/db";
import { creditRechargeForTest } from "@/lib/testing/credit-recharge";
import { newOrderNo } from "@/lib/recharge/order-no";
import { createUser } from "@/lib/users/create-user";

interface Seeded {
  orderNo: string;
  email: string;
  provider: Provider;
  status: OrderStatus;
  priceFen: number;
  createdAt: Date;
  late: boolean;
  anomaly: string | null;
  providerTradeNo: string | null;
}

const seeded: Seeded[] = [];
// Amounts whose yuan text is easy to get wrong through floating point or padding.
const prices = [1, 10, 29, 101, 1_999, 10_001, 123_456_789, 30_000];
const statuses: OrderStatus[] = ["PENDING", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CLOSED"];
const day = 86_400_000;
const base = Date.parse("2025-03-10T12:00:00+08:00");

beforeAll(async () => {
  const prisma = await getPrisma();
  const users = [
    await createUser({ email: "alice@shop.test", password: "alice1234" }),
    await createUser({ email: "bob@other.test", password: "bob12345" }),
  ];
  const rows: Prisma.RechargeOrderCreateManyInput[] = [];
  for (let index = 0; index < 57; index++) {
    const user = users[index % 2]!;
    const status = statuses[index % statuses.length]!;
    const paid = status !== "PENDING" && status !== "CLOSED";
    const createdAt = new Date(base - (index % 9) * day - index * 60_000);
    const order: Seeded = {
      orderNo: newOrderNo(createdAt),
      email: user.email,
      provider: index % 3 === 0 ? "WECHAT" : "ALIPAY",
      status,
      priceFen: prices[index % prices.length]!,
      createdAt,
      late: index % 11 === 0,
      anomaly: index % 13 === 0 ? "paid 1 fen more" : null,
      providerTradeNo: paid ? `4200${String(index).padStart(6, "0")}` : null,
    };
    seeded.push(order);
    rows.push({
      orderNo: order.orderNo,
      userId: user.id,
      packageId: "pkg",
      packageName: index === 4 ? "=1+2" : "Standard",
      priceFen: order.priceFen,
      credits: 100,
      provider: order.provider,
      configId: "config-1",
      channel: "QR",
      status,
      expiresAt: new Date(createdAt.getTime() + 30 * 60_000),
      paidAt: paid ? new Date(createdAt.getTime() + 60_000) : null,
      paidAmountFen: paid ? order.priceFen : null,
      refundedFen: status === "REFUNDED" ? order.priceFen : 0,
      providerTradeNo: order.providerTradeNo,
      late: order.late,
      anomaly: order.anomaly,
      createdAt,
    });
  }
  await prisma.rechargeOrder.createMany({ data: rows });
  // Paid orders carry their recharge entry, as settlement would have left it (ledger invariants).
  for (const row of rows.filter((order) => order.paidAt)) {
    await prisma.$transaction((tx) => creditRechargeForTest(tx, { bonusCredits: 0, ...row }));
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // ignoreBOM keeps the byte-order mark in the text, so the test can see it is there.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

function csvRows(text: string): Record<string, string>[] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  // The test data holds no commas, quotes or newlines, so a plain split reads it.
  const [head, ...lines] = text.slice(1).trimEnd().split("\n");
  const columns = head!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, index) => [columns[index]!, cell])));
}

const filters = (query: Record<string, string>): TransactionFilters => transactionFiltersSchema.parse(query);

function yuanText(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

describe("transactions export", () => {
  it("contains exactly the filtered orders, with exact yuan amounts", async () => {
    const query = { provider: "ALIPAY", minYuan: "0.10", maxYuan: "100.01", from: "2025-03-05", to: "2025-03-09" };
    const from = Date.parse("2025-03-05T00:00:00+08:00");
    const to = Date.parse("2025-03-10T00:00:00+08:00");
    const expected = seeded.filter(
      (order) =>
        order.provider === "ALIPAY" &&
        order.priceFen >= 10 &&
        order.priceFen <= 10_001 &&
        order.createdAt.getTime() >= from &&
        order.createdAt.getTime() < to,
    );
    expect(expected.length).toBeGreaterThan(3);

    const rows = csvRows(await readAll(transactionsCsv(filters(query))));
    expect(rows.map((row) => row.order_no).sort()).toEqual(expected.map((order) => order.orderNo).sort());
    for (const row of rows) {
      const order = expected.find((candidate) => candidate.orderNo === row.order_no)!;
      expect(row.amount_yuan).toBe(yuanText(order.priceFen));
      expect(row.user_email).toBe(order.email);
    }
    const amounts = new Set(rows.map((row) => row.amount_yuan ?? ""));
    expect([...amounts].every((amount) => ["0.10", "0.29", "1.01", "19.99", "100.01"].includes(amount))).toBe(true);

    const page = await listTransactions(transactionListSchema.parse({ ...query, pageSize: "100" }));
    expect(page.total).toBe(expected.length);
    expect(page.orders.map((order) => order.orderNo).sort()).toEqual(rows.map((row) => row.order_no).sort());
  });

  it("formats every amount exactly, and neutralises cells a spreadsheet would run as formulas", async () => {
    const rows = csvRows(await readAll(transactionsCsv(filters({}))));
    expect(rows).toHaveLength(seeded.length);
    const byNo = new Map(rows.map((row) => [row.order_no, row]));
    for (const order of seeded) expect(byNo.get(order.orderNo)?.amount_yuan).toBe(yuanText(order.priceFen));
    expect(byNo.get(seeded[6]!.orderNo)?.amount_yuan).toBe("1234567.89");
    expect(byNo.get(seeded[4]!.orderNo)?.package).toBe("'=1+2");
    // Newest first.
    const times = rows.map((row) => Date.parse(row.created_at ?? ""));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // In the console's zone, with its offset written: the same wall-clock time the console shows.
    const first = seeded[0]!;
    expect(byNo.get(first.orderNo)?.created_at).toBe("2025-03-10T12:00:00+08:00");
    expect(Date.parse(byNo.get(first.orderNo)!.created_at!)).toBe(first.createdAt.getTime());
  });

  it("filters by status, anomaly, late and search (order no, provider trade no, email)", async () => {
    const numbers = async (query: Record<string, string>) =>
      csvRows(await readAll(transactionsCsv(filters(query))))
        .map((row) => row.order_no)
        .sort();
    const expectNumbers = (predicate: (order: Seeded) => boolean) =>
      seeded
        .filter(predicate)
        .map((order) => order.orderNo)
        .sort();

    expect(await numbers({ status: "REFUNDED" })).toEqual(expectNumbers((order) => order.status === "REFUNDED"));
    expect(await numbers({ anomaly: "1" })).toEqual(expectNumbers((order) => order.anomaly !== null));
    expect(await numbers({ late: "1", provider: "WECHAT" })).toEqual(
      expectNumbers((order) => order.late && order.provider === "WECHAT"),
    );
    expect(await numbers({ q: "ALICE@shop" })).toEqual(expectNumbers((order) => order.email === "alice@shop.test"));
    const target = seeded[7]!;
    expect(await numbers({ q: target.orderNo.toLowerCase() })).toEqual([target.orderNo]);
    const paid = seeded.find((order) => order.providerTradeNo)!;
    expect(await numbers({ q: paid.providerTradeNo! })).toEqual([paid.orderNo]);
  });

  it("streams: reads the database in batches, only as fast as the client reads", async () => {
    const prisma = await getPrisma();
    const findMany = vi.spyOn(prisma.rechargeOrder, "findMany");
    const stream = transactionsCsv(filters({}), 7);
    const reader = stream.getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    expect(findMany.mock.calls.length).toBeLessThanOrEqual(2);

    let rest = "";
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest.trimEnd().split("\n")).toHaveLength(seeded.length - 7);
    expect(findMany).toHaveBeenCalledTimes(Math.ceil(seeded.length / 7));
    for (const [args] of findMany.mock.calls) expect(args?.take).toBe(7);
  });

  it("stops reading the database when the client goes away", async () => {
    const prisma = await getPrisma();
    const findMany = vi.spyOn(prisma.rechargeOrder, "findMany");
    const reader = transactionsCsv(filters({}), 5).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const calls = findMany.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(findMany.mock.calls.length).toBe(calls);
    expect(calls).toBeLessThan(Math.ceil(seeded.length / 5));
  });

  it("names the file by China time", () => {
    expect(exportFileName("Asia/Shanghai", new Date("2025-01-31T01:30:00Z"))).toBe("transactions-20250131-093000.csv");
    expect(exportFileName("America/New_York", new Date("2025-01-31T01:30:00Z"))).toBe(
      "transactions-20250130-203000.csv",
    );
  });

  it("refuses reversed ranges and amounts with more than two decimals", () => {
    expect(transactionFiltersSchema.safeParse({ minYuan: "1.234" }).success).toBe(false);
    expect(transactionFiltersSchema.safeParse({ minYuan: "5", maxYuan: "4.99" }).success).toBe(false);
    expect(transactionFiltersSchema.safeParse({ from: "2025-03-02", to: "2025-03-01" }).success).toBe(false);
  });
});

describe("transactions list", () => {
  it("pages and sorts by amount", async () => {
    const first = await listTransactions(transactionListSchema.parse({ sort: "amount", dir: "asc", pageSize: "10" }));
    const second = await listTransactions(
      transactionListSchema.parse({ sort: "amount", dir: "asc", pageSize: "10", page: "2" }),
    );
    expect(first.total).toBe(seeded.length);
    const amounts = [...first.orders, ...second.orders].map((order) => order.priceFen);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    const numbers = new Set([...first.orders, ...second.orders].map((order) => order.orderNo));
    expect(numbers.size).toBe(20);
  });
});
