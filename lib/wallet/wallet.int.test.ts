import { randomBytes } from "node:crypto";
import type { CreditCategory } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newOrderNo } from "@/lib/recharge/order-no";
import { settleOrder } from "@/lib/recharge/settle-order";
import { createUser } from "@/lib/users/create-user";
import { debitCredits, type DebitCreditsInput } from "@/lib/wallet/debit-credits";
import { expireDueLots } from "@/lib/wallet/expire-due-lots";
import { getBalance } from "@/lib/wallet/get-balance";
import { grantCredits } from "@/lib/wallet/grant-credits";
import { voidLot } from "@/lib/wallet/void-lot";
import { sandboxCreditsLeft } from "@/lib/wallet/sandbox-credits-left";
import { voidSandboxCredits } from "@/lib/wallet/void-sandbox-credits";

const day = 86_400_000;

async function newUser() {
  return createUser({ email: `w-${randomBytes(6).toString("hex")}@example.com`, password: "test1234" });
}

async function grant(
  userId: string,
  amount: number,
  options: {
    category?: CreditCategory;
    expiresAt?: Date | null;
    priority?: number;
    now?: Date;
    reference?: string;
  } = {},
) {
  const prisma = await getPrisma();
  const { lot } = await prisma.$transaction((tx) =>
    grantCredits(tx, {
      userId,
      amount,
      category: options.category ?? "PAID",
      source: "GRANT",
      kind: "GRANT",
      idempotencyKey: `g:${randomBytes(8).toString("hex")}`,
      expiresAt: options.expiresAt,
      priority: options.priority,
      reference: options.reference,
      now: options.now,
    }),
  );
  return lot;
}

async function debit(userId: string, amount: number, extra: Partial<DebitCreditsInput> = {}) {
  const prisma = await getPrisma();
  return prisma.$transaction((tx) =>
    debitCredits(tx, {
      userId,
      amount,
      kind: "CONSUME",
      idempotencyKey: `d:${randomBytes(8).toString("hex")}`,
      ...extra,
    }),
  );
}

async function walletState(userId: string) {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const lots = await prisma.creditLot.findMany({ where: { userId }, orderBy: { id: "asc" } });
  const entries = await prisma.ledgerEntry.count({ where: { userId } });
  const events = await prisma.event.count({ where: { userId } });
  return {
    balance: user.balance,
    held: user.heldCredits,
    lots: lots.map((lot) => [lot.id, lot.remaining]),
    entries,
    events,
  };
}

describe("the wallet's spending core", () => {
  it("draws lots by priority, then soonest expiry, then promotional before paid, then oldest", async () => {
    const user = await newUser();
    const now = new Date();
    const paidForever = await grant(user.id, 10, { now });
    const promoForever = await grant(user.id, 10, { category: "PROMOTIONAL", now });
    const paidSoon = await grant(user.id, 10, { expiresAt: new Date(now.getTime() + 2 * day), now });
    const promoLater = await grant(user.id, 10, {
      category: "PROMOTIONAL",
      expiresAt: new Date(now.getTime() + 5 * day),
      now,
    });
    const urgent = await grant(user.id, 10, { priority: 10, now });
    const older = await grant(user.id, 10, { now: new Date(now.getTime() - 1000) });

    const { draws, entry, balance } = await debit(user.id, 55);
    expect(draws.map((draw) => [draw.lotId, draw.amount])).toEqual([
      [urgent.id, 10],
      [paidSoon.id, 10],
      [promoLater.id, 10],
      [promoForever.id, 10],
      [older.id, 10],
      [paidForever.id, 5],
    ]);
    expect(entry).toMatchObject({ delta: -55, balanceAfter: 5, kind: "CONSUME", uncovered: 0 });
    expect(balance).toBe(5);
    const event = await (
      await getPrisma()
    ).event.findFirstOrThrow({ where: { type: "credits.debited", userId: user.id } });
    expect(event.data).toMatchObject({ entryId: entry.id, amount: 55, balance: 5 });
  });

  it("refuses a debit the available credits cannot cover with 402 and the available amount, changing nothing", async () => {
    const user = await newUser();
    await grant(user.id, 40);
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { heldCredits: 15 } });
    const before = await walletState(user.id);
    const refused = await debit(user.id, 30).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "PAYMENT_REQUIRED",
      message: "insufficient_credits",
      details: { available: 25 },
    });
    expect((refused as AppError).status).toBe(402);
    expect(await walletState(user.id)).toEqual(before);
    // A capture releasing its own hold may use the held credits.
    const captured = await debit(user.id, 30, { releaseHeld: 15 });
    expect(captured).toMatchObject({ balance: 10, available: 10 });
    expect((await walletState(user.id)).held).toBe(0);
  });

  it("debits once per idempotency key, answering a replay with the first debit", async () => {
    const user = await newUser();
    await grant(user.id, 100);
    const first = await debit(user.id, 30, { idempotencyKey: `same-${user.id}` });
    const again = await debit(user.id, 30, { idempotencyKey: `same-${user.id}` });
    expect(again.created).toBe(false);
    expect(again.entry.id).toBe(first.entry.id);
    expect(again.draws).toEqual(first.draws);
    expect((await walletState(user.id)).balance).toBe(70);
    const other = await newUser();
    await grant(other.id, 100);
    await expect(debit(other.id, 30, { idempotencyKey: `same-${user.id}` })).rejects.toMatchObject({
      message: "idempotency_key_reused",
    });
  });

  it("100 concurrent debits on a balance that covers 50: exactly 50 succeed and the balance ends at 0", async () => {
    const user = await newUser();
    await grant(user.id, 30);
    await grant(user.id, 20, { category: "PROMOTIONAL" });
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => debit(user.id, 1)));
    const succeeded = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter(
      (result) => result.status === "rejected" && (result.reason as AppError).message === "insufficient_credits",
    );
    expect(succeeded).toHaveLength(50);
    expect(refused).toHaveLength(50);
    const state = await walletState(user.id);
    expect(state.balance).toBe(0);
    expect(state.lots.every(([, remaining]) => remaining === 0)).toBe(true);
  });

  it("a debit below zero, when allowed, is repaid first by the next credit", async () => {
    const user = await newUser();
    await grant(user.id, 10);
    const { entry } = await debit(user.id, 25, { kind: "ADJUST", allowNegative: true });
    expect(entry).toMatchObject({ delta: -25, balanceAfter: -15, uncovered: 15, negativeAllowed: true });
    const lot = await grant(user.id, 40);
    const prisma = await getPrisma();
    const repaid = await prisma.creditLot.findUniqueOrThrow({ where: { id: lot.id }, include: { draws: true } });
    expect(repaid).toMatchObject({ amount: 40, remaining: 25 });
    expect(repaid.draws).toMatchObject([{ amount: 15, entryId: repaid.entryId }]);
    expect((await walletState(user.id)).balance).toBe(25);
  });

  it("a refund draws its own order's lots first", async () => {
    const user = await newUser();
    const prisma = await getPrisma();
    await grant(user.id, 50, { category: "PROMOTIONAL", priority: 0 });
    await grant(user.id, 100, { reference: `R-${user.id}` });
    await grant(user.id, 10, { category: "PROMOTIONAL", reference: `R-${user.id}` });
    const { draws } = await debit(user.id, 105, { kind: "REFUND", preferReference: `R-${user.id}` });
    const lots = await prisma.creditLot.findMany({ where: { id: { in: draws.map((draw) => draw.lotId) } } });
    expect(lots.every((lot) => lot.reference === `R-${user.id}`)).toBe(true);
    expect(draws.map((draw) => [draw.category, draw.amount])).toEqual([
      ["PROMOTIONAL", 10],
      ["PAID", 95],
    ]);
  });
});

describe("expiry and voids", () => {
  it("expires each due lot's remainder as one EXPIRE entry, once, however many jobs race", async () => {
    const user = await newUser();
    const now = new Date();
    const soon = await grant(user.id, 30, { category: "PROMOTIONAL", expiresAt: new Date(now.getTime() + day), now });
    const later = await grant(user.id, 20, { expiresAt: new Date(now.getTime() + 3 * day), now });
    await debit(user.id, 10, { now });
    expect(await getBalance(user.id, now)).toMatchObject({
      total: 40,
      byCategory: { PAID: 20, PROMOTIONAL: 20 },
      nextExpiry: { at: soon.expiresAt, amount: 20 },
    });

    const afterTwoDays = new Date(now.getTime() + 2 * day);
    await Promise.all(Array.from({ length: 4 }, () => expireDueLots({ now: afterTwoDays })));
    await expireDueLots({ now: afterTwoDays });

    const prisma = await getPrisma();
    const expiries = await prisma.ledgerEntry.findMany({ where: { userId: user.id, kind: "EXPIRE" } });
    expect(expiries).toMatchObject([{ delta: -20, balanceAfter: 20, reference: soon.id }]);
    expect(await prisma.creditLot.findUniqueOrThrow({ where: { id: soon.id } })).toMatchObject({ remaining: 0 });
    expect(await prisma.event.count({ where: { userId: user.id, type: "credits.expired" } })).toBe(1);
    expect((await getBalance(user.id, afterTwoDays)).nextExpiry).toEqual({ at: later.expiresAt, amount: 20 });
  });

  it("never spends an expired lot: a debit expires it first, and the job then has nothing to do", async () => {
    const user = await newUser();
    const now = new Date();
    const expiring = await grant(user.id, 30, { expiresAt: new Date(now.getTime() + day), now });
    await grant(user.id, 5, { now });
    const later = new Date(now.getTime() + 2 * day);
    await expect(debit(user.id, 10, { now: later })).rejects.toMatchObject({ details: { available: 5 } });
    const { draws, balance } = await debit(user.id, 5, { now: later });
    expect(draws.some((draw) => draw.lotId === expiring.id)).toBe(false);
    expect(balance).toBe(0);
    await expireDueLots({ now: later });
    const prisma = await getPrisma();
    expect(await prisma.ledgerEntry.count({ where: { userId: user.id, kind: "EXPIRE" } })).toBe(1);
  });

  it("an admin voids a lot's remainder with a compensating entry, audited, once", async () => {
    const user = await newUser();
    const admin = await newUser();
    const lot = await grant(user.id, 50);
    await debit(user.id, 20);
    const { entry } = await voidLot({ lotId: lot.id, actorId: admin.id, reason: "granted by mistake" });
    expect(entry).toMatchObject({ kind: "VOID", delta: -30, balanceAfter: 0, actorId: admin.id });
    await expect(voidLot({ lotId: lot.id, actorId: admin.id, reason: "again" })).rejects.toMatchObject({
      message: "lot_has_nothing_left",
    });
    const prisma = await getPrisma();
    expect(await prisma.creditLot.findUniqueOrThrow({ where: { id: lot.id } })).toMatchObject({
      remaining: 0,
      amount: 50,
    });
    expect(await prisma.auditLog.count({ where: { action: "wallet.void_lot", target: user.id } })).toBe(1);
  });
});

describe("balance.low", () => {
  it("is sent once per downward crossing of the threshold, not on every debit", async () => {
    const prisma = await getPrisma();
    await prisma.walletSettings.upsert({
      where: { id: 1 },
      create: { lowBalanceThreshold: 50 },
      update: { lowBalanceThreshold: 50 },
    });
    try {
      const user = await newUser();
      await grant(user.id, 100);
      await debit(user.id, 40);
      await debit(user.id, 20);
      await debit(user.id, 10);
      await grant(user.id, 60);
      await debit(user.id, 50);
      const lows = await prisma.event.findMany({
        where: { userId: user.id, type: "balance.low" },
        orderBy: { seq: "asc" },
      });
      expect(lows.map((event) => event.data)).toMatchObject([
        { balance: 40, threshold: 50 },
        { balance: 40, threshold: 50 },
      ]);
    } finally {
      await prisma.walletSettings.update({ where: { id: 1 }, data: { lowBalanceThreshold: null } });
    }
  });
});

describe("credits bought through the sandbox", () => {
  async function paidOrder(userId: string, sandbox: boolean) {
    const prisma = await getPrisma();
    const orderNo = newOrderNo(new Date());
    const config = {
      id: `cfg-${sandbox}`,
      appId: "app",
      merchantId: "mch",
      sandbox,
      gatewayUrl: "https://openapi.alipay.com",
    };
    await prisma.rechargeOrder.create({
      data: {
        orderNo,
        userId,
        packageId: "pkg",
        packageName: "test",
        priceFen: 1_000,
        credits: 120,
        bonusCredits: 20,
        provider: "ALIPAY",
        configId: config.id,
        channel: "QR",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const trade = { orderNo, state: "PAID" as const, amountFen: 1_000, providerTradeNo: `t-${orderNo}` };
    expect(await settleOrder({ orderNo, config, trade, source: "test" })).toBe("CREDITED");
  }

  it("are marked as such, and going live voids all of them in one audited action, leaving real credits", async () => {
    const user = await newUser();
    const admin = await newUser();
    await paidOrder(user.id, true);
    await paidOrder(user.id, false);
    // Spends the sandbox order's bonus (oldest promotional lot) and 10 of the real one's.
    await debit(user.id, 30);
    const prisma = await getPrisma();
    expect(await prisma.creditLot.count({ where: { userId: user.id, sandbox: true } })).toBe(2);
    // What the console's confirmation names before the void: exactly what the void then takes.
    expect(await sandboxCreditsLeft()).toEqual({ lots: 1, credits: 100, users: 1 });

    const result = await voidSandboxCredits({ actorId: admin.id, reason: "going live" });
    expect(result).toMatchObject({ lots: 1, credits: 100, users: 1 });
    expect(await sandboxCreditsLeft()).toEqual({ lots: 0, credits: 0, users: 0 });
    expect((await walletState(user.id)).balance).toBe(110);
    const left = await prisma.creditLot.findMany({ where: { userId: user.id, remaining: { gt: 0 } } });
    expect(left.every((lot) => !lot.sandbox)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "wallet.void_sandbox_credits", actorId: admin.id } })).toBe(
      1,
    );
    expect((await voidSandboxCredits({ actorId: admin.id, reason: "again" })).lots).toBe(0);
  });
});
