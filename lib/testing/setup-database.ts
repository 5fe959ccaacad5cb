// Vitest setup for integration tests: each file gets its own fresh, migrated database, and
// the ledger invariants are checked after every test.
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { installDatabase } from "@/lib/db";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { forgetDisplayTimeZone } from "@/lib/settings/get-display-time-zone";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await openTestDatabase();
  installDatabase(testDatabase.db);
  // The zone is kept per process: a fresh database must not see one an earlier file chose.
  forgetDisplayTimeZone();
});

afterEach(async () => {
  expect(await checkLedgerInvariants(testDatabase.db.prisma)).toEqual([]);
});

afterAll(async () => {
  await testDatabase?.dispose();
});
