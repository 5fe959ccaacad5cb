import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { migrationsBefore } from "@/lib/testing/migrations-before";
import { openEmptyDatabase } from "@/lib/testing/test-database";
import { debitCredits } from "@/lib/wallet/debit-credits";

describe("the migration to lots, on a database that has data", () => {
  it("turns every positive balance into one PAID lot that never expires, and the wallet works on it", async () => {
    const { db, dispose } = await openEmptyDatabase();
    try {
      await migrate(db, migrationsBefore("_wallet_lots"));
      await db.withSession(async (session) => {
        await session.exec(`
          INSERT INTO "User" (id, email, "passwordHash", balance, "ledgerSeq", "allowNegativeBalance", "updatedAt") VALUES
            ('rich', 'rich@example.com', 'x', 120, 2, false, now()),
            ('broke', 'broke@example.com', 'x', 0, 2, false, now()),
            ('owing', 'owing@example.com', 'x', -30, 1, true, now());
          INSERT INTO "LedgerEntry" (id, "userId", seq, delta, "balanceAfter", kind, "idempotencyKey", "createdAt") VALUES
            ('r1', 'rich', 1, 150, 150, 'ADJUST', 'old:r1', now() - interval '2 days'),
            ('r2', 'rich', 2, -30, 120, 'CONSUME', 'old:r2', now() - interval '1 day'),
            ('b1', 'broke', 1, 40, 40, 'ADJUST', 'old:b1', now() - interval '2 days'),
            ('b2', 'broke', 2, -40, 0, 'CONSUME', 'old:b2', now() - interval '1 day'),
            ('o1', 'owing', 1, -30, -30, 'ADJUST', 'old:o1', now() - interval '1 day');`);
      });
      await migrate(db);

      const lots = await db.prisma.creditLot.findMany({ orderBy: { userId: "asc" } });
      expect(lots).toMatchObject([
        { userId: "rich", category: "PAID", source: "MIGRATION", amount: 120, remaining: 120, expiresAt: null },
      ]);
      expect(await checkLedgerInvariants(db.prisma)).toEqual([]);

      const { draws, balance } = await db.prisma.$transaction((tx) =>
        debitCredits(tx, { userId: "rich", amount: 20, kind: "CONSUME", idempotencyKey: "after-migration" }),
      );
      expect(draws).toEqual([{ lotId: lots[0]!.id, category: "PAID", amount: 20 }]);
      expect(balance).toBe(100);
      expect(await checkLedgerInvariants(db.prisma)).toEqual([]);
    } finally {
      await dispose();
    }
  }, 120_000);
});
