import { afterAll, describe, it, vi } from "vitest";
import { formatTable, type ScenarioRow } from "@/lib/reliability/report";

/**
 * The reliability suite: fault-injection scenarios against real PostgreSQL, each on its own
 * database, each ending with the ledger invariants. `npm run test:reliability`; sizes in
 * lib/reliability/sizes.ts; results in docs/reliability.md.
 */

const rows: ScenarioRow[] = [];
const record = (row: ScenarioRow) => void rows.push(row);

/**
 * Loads a scenario on a fresh copy of the app's modules, as a new process would have: some
 * module state (settings, the rate limiters' database client) binds to whatever came first,
 * and every scenario brings its own database and app URL.
 */
async function fresh<Module>(load: () => Promise<Module>): Promise<Module> {
  vi.resetModules();
  return load();
}

const storms = () => fresh(() => import("@/lib/reliability/scenarios/storms"));
const loss = () => fresh(() => import("@/lib/reliability/scenarios/loss"));
const crash = () => fresh(() => import("@/lib/reliability/scenarios/crash"));
const time = () => fresh(() => import("@/lib/reliability/scenarios/time"));

// The unit project's pattern (lib/**/*.test.ts) matches this file too; only the reliability
// project provides the PostgreSQL template it needs.
describe.skipIf(!process.env.TEST_POSTGRES_TEMPLATE)("reliability under injected faults", () => {
  afterAll(() => {
    if (rows.length) process.stdout.write(formatTable(rows));
  });

  describe("storms", () => {
    it("N concurrent duplicate notifies per order across M orders, both providers: one credit each", async () => {
      await (await storms()).duplicateNotifyStorm(record);
    });

    it("a refund notify before the payment notify: the late payment notify changes nothing", async () => {
      await (await storms()).refundNotifyBeforePaymentNotify(record);
    });

    it('notify, "I have paid", expiry and cancel racing on the same orders: the provider\'s word wins', async () => {
      await (await storms()).settlementRace(record);
    });

    it("a payment racing the provider-side close is refused for the right reason", async () => {
      await (await storms()).payAgainstClose(record);
    });
  });

  describe("loss", () => {
    it("dropped notifies: retries credit what gets through, reconciliation the rest", async () => {
      await (await loss()).droppedNotifies(record);
    });

    it("provider down during create, query and close: clear errors, nothing stuck, jobs settle all after", async () => {
      await (await loss()).providerOutage(record);
    });

    it("our database down while notifies arrive: answered 500, retried, credited once when it is back", async () => {
      await (await loss()).databaseOutage(record);
    });
  });

  describe("crash", () => {
    it("the app killed between receiving a notify and answering: retry or reconcile credits once", async () => {
      await (await crash()).crashWhileSettling(record);
    });
  });

  describe("time", () => {
    it("a payment after the order expired is credited once and flagged late", async () => {
      await (await time()).paymentAfterExpiry(record);
    });

    it("WeChat notify clock skew: 299 s accepted, 301 s rejected and credited by our query, once", async () => {
      await (await time()).wechatClockSkew(record);
    });
  });
});
