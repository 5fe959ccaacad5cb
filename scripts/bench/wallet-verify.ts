/**
 * After the wallet runs: what the database holds against what the requests were told. Every
 * 201 debit is exactly one ledger entry (and no entry exists without one), the credits spent
 * are the successful debits and captures, no balance went below zero, every answered hold and
 * capture is in the database as such, and the hot user lost exactly what was debited from it.
 * The holds' own invariants are part of checkLedgerInvariants, which the bench runs anyway.
 */
import type { PrismaClient } from "@prisma/client";
import { debitAmount, holdAmount, type WalletTally } from "./wallet";
import { hotCredits, type WalletWorld } from "./wallet-fixtures";

export interface WalletChecks {
  /** HTTP debits answered 201, those with exactly one matching entry, and the bench's debit entries in all. */
  debits: { answered: number; matched: number; entries: number; problems: string[] };
  /** Credits the bench users' CONSUME entries took, and what the answers and the floor add up to. */
  spent: { ledger: number; expected: number };
  /** Entries that left a balance below zero, and users whose available credits are below zero now. */
  negative: { entries: number; users: number };
  holds: {
    created: number;
    captured: number;
    inDatabase: number;
    capturedInDatabase: number;
  };
  hot: { expected: number; balance: number; debits: number };
}

interface EntryRow {
  idempotencyKey: string;
  userId: string;
  delta: number;
  kind: string;
}

async function checkDebits(prisma: PrismaClient, wallet: WalletWorld, tally: WalletTally) {
  const answered = [...tally.debits];
  const problems: string[] = [];
  let matched = 0;
  for (let start = 0; start < answered.length; start += 5_000) {
    const chunk = answered.slice(start, start + 5_000);
    const rows = await prisma.$queryRaw<EntryRow[]>`
      SELECT "idempotencyKey", "userId", delta, kind::text AS kind FROM "LedgerEntry"
      WHERE "idempotencyKey" = ANY(${chunk.map(([key]) => `api:debit:${key}`)})`;
    // The key is unique, so at most one row each; the check is that it is there and is this debit.
    const byKey = new Map(rows.map((row) => [row.idempotencyKey, row]));
    for (const [key, userId] of chunk) {
      const row = byKey.get(`api:debit:${key}`);
      if (row && row.userId === userId && row.delta === -debitAmount && row.kind === "CONSUME") matched += 1;
      else if (problems.length < 10) problems.push(`${key}: ${row ? JSON.stringify(row) : "no ledger entry"}`);
    }
  }
  const [count] = await prisma.$queryRaw<{ entries: number }[]>`
    SELECT COUNT(*)::int AS entries FROM "LedgerEntry" WHERE "idempotencyKey" LIKE ${`api:debit:${wallet.runTag}-%`}`;
  return { answered: answered.length, matched, entries: count?.entries ?? 0, problems };
}

export async function runWalletChecks(
  prisma: PrismaClient,
  wallet: WalletWorld,
  tally: WalletTally,
): Promise<WalletChecks> {
  const users = [...wallet.spenders.map((user) => user.id), wallet.hot.id];
  const [spent] = await prisma.$queryRaw<{ credits: number }[]>`
    SELECT COALESCE(-SUM(delta), 0)::int AS credits FROM "LedgerEntry"
    WHERE kind = 'CONSUME' AND "userId" = ANY(${users})`;
  const [negative] = await prisma.$queryRaw<{ entries: number; users: number }[]>`
    SELECT (SELECT COUNT(*) FROM "LedgerEntry" WHERE "balanceAfter" < 0)::int AS entries,
           (SELECT COUNT(*) FROM "User" WHERE balance - "heldCredits" < 0)::int AS users`;
  const [holds] = await prisma.$queryRaw<{ total: number; captured: number }[]>`
    SELECT COUNT(*)::int AS total, (COUNT(*) FILTER (WHERE status = 'CAPTURED'))::int AS captured
    FROM "CreditHold" WHERE "idempotencyKey" LIKE ${`api:hold:${wallet.runTag}-%`}`;
  const hot = await prisma.user.findUniqueOrThrow({ where: { id: wallet.hot.id }, select: { balance: true } });
  const hotDebits = [...tally.debits.values()].filter((userId) => userId === wallet.hot.id).length + tally.floorHot;
  const floorDebits = tally.floorMany + tally.floorHot;
  return {
    debits: await checkDebits(prisma, wallet, tally),
    spent: {
      ledger: spent?.credits ?? 0,
      expected: (tally.debits.size + floorDebits) * debitAmount + tally.captures * holdAmount,
    },
    negative: { entries: negative?.entries ?? 0, users: negative?.users ?? 0 },
    holds: {
      created: tally.holds,
      captured: tally.captures,
      inDatabase: holds?.total ?? 0,
      capturedInDatabase: holds?.captured ?? 0,
    },
    hot: { expected: hotCredits - hotDebits * debitAmount, balance: hot.balance, debits: hotDebits },
  };
}
