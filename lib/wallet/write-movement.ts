import { randomUUID } from "node:crypto";
import type { CreditCategory, CreditLot, LedgerEntry, LedgerKind, LotSource, Prisma } from "@prisma/client";
import { newEventId, recordEvent, type EventType } from "@/lib/outbox/record-event";
import { compareConsumptionOrder } from "@/lib/wallet/consumption-order";
import type { LockedWallet } from "@/lib/wallet/lock-wallet";

/** What every ledger entry says about itself. */
export interface EntryFacts {
  kind: LedgerKind;
  idempotencyKey: string;
  reference?: string;
  reason?: string;
  actorId?: string;
  metadata?: Record<string, string>;
  now: Date;
}

export interface Draw {
  lotId: string;
  category: CreditCategory;
  amount: number;
}

export interface DebitPlan extends EntryFacts {
  amount: number;
  draws: Draw[];
  /** Credits no lot covered: the balance goes below zero by this much. */
  uncovered: number;
  negativeAllowed: boolean;
  /** Held credits released in the same movement (a hold's capture). */
  releaseHeld?: number;
  /** Marks the drawn lot expired or voided (one-lot movements). */
  closeLot?: "expiredAt" | "voidedAt";
  event: Extract<EventType, "credits.debited" | "credits.expired">;
}

export interface NewLot {
  category: CreditCategory;
  source: LotSource;
  amount: number;
  expiresAt: Date | null;
  priority?: number;
  reference?: string;
  sandbox?: boolean;
}

export interface CreditPlan extends EntryFacts {
  lots: NewLot[];
  /** False when the caller records its own event (a recharge is heard about as order.paid). */
  announce?: boolean;
}

/** balance.low, once per downward crossing of the threshold. */
async function recordLowBalance(tx: Prisma.TransactionClient, wallet: LockedWallet, balanceAfter: number) {
  const threshold = wallet.lowBalanceThreshold;
  if (threshold === null || wallet.balance < threshold || balanceAfter >= threshold) return;
  await recordEvent(tx, {
    type: "balance.low",
    userId: wallet.userId,
    data: { userId: wallet.userId, externalUserId: wallet.externalId, balance: balanceAfter, threshold },
  });
}

/**
 * Writes a debit the caller planned under the wallet lock, as one statement: balance, entry,
 * lots, draws and its event (balance.low written separately, on a crossing only). `wallet` is
 * moved along, so one transaction can write several movements in a row.
 */
export async function writeDebit(tx: Prisma.TransactionClient, wallet: LockedWallet, plan: DebitPlan) {
  const balanceAfter = wallet.balance - plan.amount;
  const releaseHeld = plan.releaseHeld ?? 0;
  const entryId = randomUUID();
  const draws = JSON.stringify(plan.draws.map((draw) => ({ id: draw.lotId, amount: draw.amount })));
  const closed = plan.closeLot ?? null;
  const metadata = plan.metadata ? JSON.stringify(plan.metadata) : null;
  const eventData = JSON.stringify({
    userId: wallet.userId,
    externalUserId: wallet.externalId,
    entryId,
    kind: plan.kind,
    amount: plan.amount,
    reason: plan.reason ?? null,
    reference: plan.reference ?? null,
    metadata: plan.metadata ?? null,
    draws: plan.draws,
    balance: balanceAfter,
  });
  // The CHECK on "CreditLot" refuses a remaining below zero, so a stale plan cannot overdraw.
  const [row] = await tx.$queryRaw<(LedgerEntry & { drawnLots: number })[]>`
    WITH wallet AS (
      UPDATE "User"
      SET balance = ${balanceAfter}, "ledgerSeq" = ${wallet.ledgerSeq + 1},
          "heldCredits" = "heldCredits" - ${releaseHeld}, "updatedAt" = ${plan.now}
      WHERE id = ${wallet.userId}
      RETURNING id
    ), drawn AS (
      UPDATE "CreditLot" AS l
      SET remaining = l.remaining - d.amount,
          "expiredAt" = CASE WHEN ${closed}::text = 'expiredAt' THEN ${plan.now} ELSE l."expiredAt" END,
          "voidedAt" = CASE WHEN ${closed}::text = 'voidedAt' THEN ${plan.now} ELSE l."voidedAt" END
      FROM jsonb_to_recordset(${draws}::jsonb) AS d(id text, amount int)
      WHERE l.id = d.id AND l."userId" = ${wallet.userId}
      RETURNING l.id, d.amount
    ), entry AS (
      INSERT INTO "LedgerEntry" (id, "userId", seq, delta, "balanceAfter", kind, "idempotencyKey", reference, reason,
                                 "actorId", metadata, "negativeAllowed", uncovered, "createdAt")
      SELECT ${entryId}, wallet.id, ${wallet.ledgerSeq + 1}, ${-plan.amount}, ${balanceAfter},
             ${plan.kind}::"LedgerKind", ${plan.idempotencyKey}, ${plan.reference ?? null}, ${plan.reason ?? null},
             ${plan.actorId ?? null}, ${metadata}::jsonb, ${plan.negativeAllowed && balanceAfter < 0}, ${plan.uncovered},
             ${plan.now}
      FROM wallet
      RETURNING *
    ), draw_rows AS (
      INSERT INTO "LotDraw" (id, "entryId", "lotId", amount, "createdAt")
      SELECT gen_random_uuid()::text, entry.id, drawn.id, drawn.amount, ${plan.now} FROM entry, drawn
    ), outbox AS (
      INSERT INTO "Event" (id, type, "userId", data, "createdAt")
      SELECT ${newEventId()}, ${plan.event}, wallet.id, ${eventData}::jsonb, ${plan.now} FROM wallet
    )
    SELECT entry.*, (SELECT count(*) FROM drawn)::int AS "drawnLots" FROM entry`;
  if (!row || row.drawnLots !== plan.draws.length)
    throw new Error(`debit of ${wallet.userId} did not write as planned`);
  const { drawnLots: _drawn, ...entry } = row;
  await recordLowBalance(tx, wallet, balanceAfter);
  Object.assign(wallet, {
    balance: balanceAfter,
    ledgerSeq: wallet.ledgerSeq + 1,
    heldCredits: wallet.heldCredits - releaseHeld,
  });
  return { entry, balanceAfter };
}

/**
 * Writes a credit under the wallet lock: one lot per part, balance, entry and event; `wallet`
 * is moved along. Lots are spendable from now on (effectiveAt is their creation time). Credits
 * that arrive while the balance is below zero first repay it: the new lots are drawn by this
 * same entry (in consumption order) for what was owed.
 */
export async function writeCredit(
  tx: Prisma.TransactionClient,
  wallet: LockedWallet,
  plan: CreditPlan,
): Promise<{ entry: LedgerEntry; lots: CreditLot[]; balanceAfter: number }> {
  const amount = plan.lots.reduce((sum, lot) => sum + lot.amount, 0);
  const balanceAfter = wallet.balance + amount;
  await tx.$executeRaw`
    UPDATE "User" SET balance = ${balanceAfter}, "ledgerSeq" = ${wallet.ledgerSeq + 1}, "updatedAt" = ${plan.now}
    WHERE id = ${wallet.userId}`;
  const entry = await tx.ledgerEntry.create({
    data: {
      userId: wallet.userId,
      seq: wallet.ledgerSeq + 1,
      delta: amount,
      balanceAfter,
      kind: plan.kind,
      idempotencyKey: plan.idempotencyKey,
      reference: plan.reference,
      reason: plan.reason,
      actorId: plan.actorId,
      metadata: plan.metadata,
      createdAt: plan.now,
    },
  });
  const lots = await tx.creditLot.createManyAndReturn({
    data: plan.lots.map((lot) => ({
      userId: wallet.userId,
      category: lot.category,
      source: lot.source,
      amount: lot.amount,
      remaining: lot.amount,
      effectiveAt: plan.now,
      expiresAt: lot.expiresAt,
      priority: lot.priority ?? 50,
      reference: lot.reference ?? plan.reference,
      entryId: entry.id,
      sandbox: lot.sandbox ?? false,
      createdAt: plan.now,
    })),
  });
  let owed = Math.min(amount, Math.max(0, -wallet.balance));
  for (const lot of [...lots].sort(compareConsumptionOrder)) {
    if (owed === 0) break;
    const repaid = Math.min(owed, lot.amount);
    owed -= repaid;
    lot.remaining -= repaid;
    await tx.creditLot.update({ where: { id: lot.id }, data: { remaining: lot.remaining } });
    await tx.lotDraw.create({ data: { entryId: entry.id, lotId: lot.id, amount: repaid, createdAt: plan.now } });
  }
  if (plan.announce !== false) await announceCredit(tx, wallet, entry, lots, plan, balanceAfter);
  Object.assign(wallet, { balance: balanceAfter, ledgerSeq: wallet.ledgerSeq + 1 });
  return { entry, lots, balanceAfter };
}

async function announceCredit(
  tx: Prisma.TransactionClient,
  wallet: LockedWallet,
  entry: LedgerEntry,
  lots: CreditLot[],
  plan: CreditPlan,
  balanceAfter: number,
) {
  await recordEvent(tx, {
    type: "credits.granted",
    userId: wallet.userId,
    data: {
      userId: wallet.userId,
      externalUserId: wallet.externalId,
      entryId: entry.id,
      kind: plan.kind,
      amount: entry.delta,
      reason: plan.reason ?? null,
      reference: plan.reference ?? null,
      metadata: plan.metadata ?? null,
      lots: lots.map((lot) => ({
        lotId: lot.id,
        category: lot.category,
        source: lot.source,
        amount: lot.amount,
        expiresAt: lot.expiresAt?.toISOString() ?? null,
      })),
      balance: balanceAfter,
    },
  });
}
