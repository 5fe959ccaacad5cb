import type { PrismaClient } from "@prisma/client";
import { expect } from "vitest";
import { installDatabase } from "@/lib/db";
import { checkLedgerInvariants, type InvariantViolation } from "@/lib/ledger/check-invariants";
import { openChildApp, type ChildApp } from "@/lib/reliability/child-app";
import type { ScenarioRow } from "@/lib/reliability/report";
import { sizes } from "@/lib/reliability/sizes";
import { provisionSandboxConfigs } from "@/lib/sandbox/provision";
import { seedPackages } from "@/lib/seed/packages";
import { startAppServer } from "@/lib/testing/app-server";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createUser } from "@/lib/users/create-user";

export type Recorder = (row: ScenarioRow) => void;
type Cleanup = () => Promise<void>;

export interface ScenarioOptions {
  name: string;
  /** Where the app's payment routes run: a loopback server in this process, or a child process. */
  app: "in-process" | "child";
  record: Recorder;
}

export interface Stage {
  /** The test's own view of the database: direct, never through a fault-injection proxy. */
  prisma: PrismaClient;
  /** Buyers; orders are spread over them, so ledger chains interleave. */
  userIds: string[];
  adminId: string;
  /** The app process and its proxies; null when the app runs in this process. */
  child: ChildApp | null;
  /** Says what the scenario did to the system, with counts, for the table. */
  injected(description: string): void;
}

const paidOrderStates = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];

async function createUsers(count: number): Promise<string[]> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const users = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      createUser({ email: `buyer${index}-${tag}@example.com`, password: "test1234" }),
    ),
  );
  return users.map((user) => user.id);
}

/** Orders still pending, or whose fate disagrees with the provider's (paid there but not here, or the reverse). */
async function disagreements(prisma: PrismaClient): Promise<string[]> {
  const [orders, trades] = await Promise.all([prisma.rechargeOrder.findMany(), prisma.sandboxTrade.findMany()]);
  const tradeState = new Map(trades.map((trade) => [trade.outTradeNo, trade.state]));
  return orders.flatMap((order) => {
    const state = tradeState.get(order.orderNo);
    const providerPaid = state === "PAID" || state === "REFUNDED";
    const ours = paidOrderStates.includes(order.status);
    if (providerPaid === ours && order.status !== "PENDING") return [];
    return [`${order.orderNo}: ${order.status} here, ${state ?? "no trade"} at the provider`];
  });
}

async function tally(prisma: PrismaClient) {
  const [orders, expectedCredits, actualCredits] = await Promise.all([
    prisma.rechargeOrder.count(),
    prisma.sandboxTrade.count({ where: { state: { in: ["PAID", "REFUNDED"] } } }),
    prisma.ledgerEntry.count({ where: { kind: "RECHARGE" } }),
  ]);
  return { orders, expectedCredits, actualCredits };
}

function describeViolations(violations: InvariantViolation[]): string {
  if (!violations.length) return "ok";
  return `${violations.length} violated (${[...new Set(violations.map((violation) => violation.rule))].join(", ")})`;
}

/** Why the scenario fails, first reason only, or null. */
function firstProblem(failure: unknown, unsettled: string[], row: ScenarioRow): string | null {
  if (failure !== null) return (failure instanceof Error ? failure.message : String(failure)).split("\n")[0] ?? "";
  if (row.invariants !== "ok") return "ledger invariants violated";
  if (unsettled.length) return `${unsettled.length} orders disagree with the provider`;
  if (row.actualCredits !== row.expectedCredits) return "credits differ from payments";
  return null;
}

/** "pass", or "FAIL: " and the first reason, short enough for a table cell. */
function outcome(failure: unknown, unsettled: string[], row: ScenarioRow): string {
  const problem = firstProblem(failure, unsettled, row);
  if (problem === null) return "pass";
  return `FAIL: ${problem.length > 80 ? `${problem.slice(0, 77)}...` : problem}`;
}

async function startApp(options: ScenarioOptions, databaseUrl: string, cleanups: Cleanup[]) {
  if (options.app === "child") {
    const child = await openChildApp(databaseUrl);
    cleanups.push(() => child.close());
    return { url: child.url, child };
  }
  const server = await startAppServer();
  cleanups.push(() => server.close());
  return { url: server.url, child: null };
}

async function prepare(
  options: ScenarioOptions,
  database: TestDatabase,
  cleanups: Cleanup[],
  injected: Stage["injected"],
): Promise<Stage> {
  installDatabase(database.db);
  const { url, child } = await startApp(options, database.url ?? "", cleanups);
  // Read by env() on its first call in this module graph: notify and gateway URLs are built from it.
  process.env.APP_URL = url;
  const prisma = database.db.prisma;
  await seedPackages(prisma);
  await provisionSandboxConfigs();
  const userIds = await createUsers(Math.min(8, Math.max(2, Math.ceil(sizes.orders / 4))));
  const admin = await createUser({ email: `admin-${userIds[0]}@example.com`, password: "admin1234", role: "ADMIN" });
  await child?.start();
  return { prisma, userIds, adminId: admin.id, child, injected };
}

/**
 * Runs one scenario on a fresh database with sandbox configs, packages and a few users, then,
 * whatever happened, records its row and closes everything it opened. At the end every order
 * must agree with the provider (none left pending), each payment be credited exactly once, and
 * the ledger invariants hold.
 */
export async function runScenario(options: ScenarioOptions, body: (stage: Stage) => Promise<void>): Promise<void> {
  const started = Date.now();
  const database = await openTestDatabase("postgres");
  const cleanups: Cleanup[] = [() => database.dispose()];
  const row: ScenarioRow = {
    scenario: options.name,
    injected: "(did not finish)",
    orders: 0,
    expectedCredits: 0,
    actualCredits: 0,
    invariants: "not checked",
    outcome: "pass",
    seconds: 0,
  };
  let failure: unknown = null;
  let stage: Stage | null = null;
  try {
    stage = await prepare(options, database, cleanups, (description) => {
      row.injected = description;
    });
    await body(stage);
  } catch (error) {
    failure = error;
    if (stage?.child) process.stderr.write(`--- app process stderr ---\n${stage.child.log()}\n`);
  }

  let violations: InvariantViolation[] = [];
  let unsettled: string[] = [];
  try {
    const prisma = database.db.prisma;
    Object.assign(row, await tally(prisma));
    violations = await checkLedgerInvariants(prisma);
    row.invariants = describeViolations(violations);
    unsettled = await disagreements(prisma);
  } catch (error) {
    failure ??= error;
  }
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => {
      failure ??= error;
    });
  }
  row.seconds = (Date.now() - started) / 1000;
  row.outcome = outcome(failure, unsettled, row);
  options.record(row);

  if (failure) throw failure;
  expect(violations).toEqual([]);
  expect(unsettled).toEqual([]);
  expect(row.actualCredits).toBe(row.expectedCredits);
}
