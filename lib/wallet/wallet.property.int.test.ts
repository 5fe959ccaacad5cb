import { randomBytes } from "node:crypto";
import type { CreditCategory } from "@prisma/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { newOrderNo } from "@/lib/recharge/order-no";
import { settleOrder } from "@/lib/recharge/settle-order";
import { createUser } from "@/lib/users/create-user";
import { compareConsumptionOrder, type OrderedLot } from "@/lib/wallet/consumption-order";
import { debitCredits, type DebitResult } from "@/lib/wallet/debit-credits";
import { expireDueLots } from "@/lib/wallet/expire-due-lots";
import { grantCredits } from "@/lib/wallet/grant-credits";
import { voidLot } from "@/lib/wallet/void-lot";

// Random sequences of every kind of movement at random times, checked against a model of the
// lots after each step: the balance, every lot's remainder, the lots each debit drew (the
// consumption order) and the ledger invariants.

const hour = 3_600_000;
const config = {
  id: "property-config",
  appId: "property-app",
  merchantId: "property-mch",
  sandbox: false,
  gatewayUrl: "https://api.mch.weixin.qq.com",
};

type Step =
  | { kind: "grant"; amount: number; category: CreditCategory; expiresInHours: number | null; priority: number }
  | { kind: "recharge"; credits: number; bonus: number; bonusDays: number | null }
  | { kind: "debit"; amount: number }
  | { kind: "refund"; order: number; amount: number; allowNegative: boolean }
  | { kind: "void"; lot: number }
  | { kind: "advance"; hours: number; runJob: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("grant" as const),
    amount: fc.integer({ min: 1, max: 100 }),
    category: fc.constantFrom<CreditCategory>("PAID", "PROMOTIONAL"),
    expiresInHours: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
    priority: fc.constantFrom(10, 50, 90),
  }),
  fc.record({
    kind: fc.constant("recharge" as const),
    credits: fc.integer({ min: 1, max: 100 }),
    bonus: fc.integer({ min: 0, max: 30 }),
    bonusDays: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant("debit" as const), amount: fc.integer({ min: 1, max: 150 }) }),
  fc.record({
    kind: fc.constant("refund" as const),
    order: fc.nat(),
    amount: fc.integer({ min: 1, max: 120 }),
    allowNegative: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("void" as const), lot: fc.nat() }),
  fc.record({ kind: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 72 }), runJob: fc.boolean() }),
);

interface ModelLot extends OrderedLot {
  remaining: number;
  reference: string | null;
}

class Model {
  lots: ModelLot[] = [];
  balance = 0;
  orders: string[] = [];

  expireDue(now: Date) {
    for (const lot of this.lots) {
      if (lot.remaining > 0 && lot.expiresAt && lot.expiresAt <= now) {
        this.balance -= lot.remaining;
        lot.remaining = 0;
      }
    }
  }

  /**
   * The draws a debit must make, or null when it must be refused (and then nothing changes:
   * not even the lazy expiry of due lots, which rolls back with the refusal).
   */
  plan(amount: number, now: Date, options: { preferReference?: string; allowNegative?: boolean } = {}) {
    const preferred = (lot: ModelLot) => (options.preferReference && lot.reference === options.preferReference ? 0 : 1);
    const open = this.lots
      .filter((lot) => lot.remaining > 0 && !(lot.expiresAt && lot.expiresAt <= now))
      .sort((a, b) => preferred(a) - preferred(b) || compareConsumptionOrder(a, b));
    const spendable = open.reduce((sum, lot) => sum + lot.remaining, 0);
    if (amount > spendable && !options.allowNegative) return null;
    this.expireDue(now);
    const draws: [string, number][] = [];
    let left = amount;
    for (const lot of open) {
      if (!left) break;
      const take = Math.min(left, lot.remaining);
      draws.push([lot.id, take]);
      left -= take;
    }
    return draws;
  }

  apply(amount: number, draws: [string, number][]) {
    for (const [id, take] of draws) this.lots.find((lot) => lot.id === id)!.remaining -= take;
    this.balance -= amount;
  }

  /** New lots arrive; a negative balance is repaid from them first, in consumption order. */
  credit(lots: ModelLot[]) {
    const total = lots.reduce((sum, lot) => sum + lot.remaining, 0);
    let owed = Math.min(total, Math.max(0, -this.balance));
    for (const lot of [...lots].sort(compareConsumptionOrder)) {
      const repaid = Math.min(owed, lot.remaining);
      lot.remaining -= repaid;
      owed -= repaid;
    }
    this.balance += total;
    this.lots.push(...lots);
  }
}

async function run(steps: Step[]) {
  const prisma = await getPrisma();
  const user = await createUser({ email: `p-${randomBytes(6).toString("hex")}@example.com`, password: "test1234" });
  const model = new Model();
  let now = new Date();

  for (const next of steps) {
    const key = randomBytes(8).toString("hex");
    if (next.kind === "grant") {
      const expiresAt = next.expiresInHours ? new Date(now.getTime() + next.expiresInHours * hour) : null;
      const { lot } = await prisma.$transaction((tx) =>
        grantCredits(tx, {
          userId: user.id,
          amount: next.amount,
          category: next.category,
          source: "GRANT",
          kind: "GRANT",
          idempotencyKey: `pg:${key}`,
          expiresAt,
          priority: next.priority,
          now,
        }),
      );
      model.credit([{ ...lot, remaining: lot.amount }]);
    } else if (next.kind === "recharge") {
      const orderNo = newOrderNo(now);
      await prisma.rechargeOrder.create({
        data: {
          orderNo,
          userId: user.id,
          packageId: "property-package",
          packageName: "property",
          priceFen: next.credits * 10,
          credits: next.credits + next.bonus,
          bonusCredits: next.bonus,
          bonusValidityDays: next.bonusDays,
          provider: "WECHAT",
          configId: config.id,
          channel: "QR",
          expiresAt: new Date(now.getTime() + hour),
        },
      });
      const outcome = await settleOrder({
        orderNo,
        config,
        trade: { orderNo, state: "PAID", amountFen: next.credits * 10, providerTradeNo: `t-${key}` },
        source: "property",
        now,
      });
      expect(outcome).toBe("CREDITED");
      const lots = await prisma.creditLot.findMany({ where: { reference: orderNo } });
      model.credit(lots.map((lot) => ({ ...lot, remaining: lot.amount })));
      model.orders.push(orderNo);
    } else if (next.kind === "debit" || next.kind === "refund") {
      const orderNo = next.kind === "refund" ? model.orders[next.order % Math.max(1, model.orders.length)] : undefined;
      if (next.kind === "refund" && !orderNo) continue;
      const allowNegative = next.kind === "refund" && next.allowNegative;
      const expected = model.plan(next.amount, now, { preferReference: orderNo, allowNegative });
      const result = await prisma
        .$transaction((tx) =>
          debitCredits(tx, {
            userId: user.id,
            amount: next.amount,
            kind: next.kind === "refund" ? "REFUND" : "CONSUME",
            idempotencyKey: `pd:${key}`,
            preferReference: orderNo,
            allowNegative,
            now,
          }),
        )
        .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      if (expected === null) {
        expect(result).toBeInstanceOf(AppError);
        expect(result).toMatchObject({ message: "insufficient_credits" });
      } else {
        if (result instanceof Error) throw result;
        const debit: DebitResult = result;
        expect(debit.draws.map((draw) => [draw.lotId, draw.amount])).toEqual(expected);
        model.apply(next.amount, expected);
      }
    } else if (next.kind === "void") {
      const open = model.lots.filter((lot) => lot.remaining > 0);
      const lot = open[next.lot % Math.max(1, open.length)];
      if (!lot) continue;
      await voidLot({ lotId: lot.id, actorId: user.id, reason: "property test", now });
      model.balance -= lot.remaining;
      lot.remaining = 0;
    } else {
      now = new Date(now.getTime() + next.hours * hour);
      if (next.runJob) {
        await expireDueLots({ now });
        model.expireDue(now);
      }
    }

    const lots = await prisma.creditLot.findMany({ where: { userId: user.id } });
    expect(Object.fromEntries(lots.map((lot) => [lot.id, lot.remaining]))).toEqual(
      Object.fromEntries(model.lots.map((lot) => [lot.id, lot.remaining])),
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(model.balance);
    expect(await checkLedgerInvariants(prisma)).toEqual([]);
  }
}

describe("the wallet under random sequences of movements", () => {
  it("keeps the balance, every lot, the consumption order and the invariants as the model says", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 18 }), (steps) => run(steps)),
      { numRuns: 20, endOnFailure: true },
    );
  }, 600_000);
});
