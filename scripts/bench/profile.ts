/**
 * `npx tsx scripts/bench/profile.ts`: where a request's time goes. Runs the server with
 * `--cpu-prof`, sends only one kind of request (`BENCH_PROFILE`: `notify`, each for a distinct
 * pending order, the default; `create`, orders through the sandbox gateway's own server;
 * `status`, the pay page's status reads; `baseline`, the empty POST route, to hold the others
 * against), counts the database work per request from pg_stat_database, and summarises the CPU
 * profile.
 */
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Provider } from "@prisma/client";
import { clamp, once, type BenchContext } from "./context";
import { loadConfig } from "./config";
import { readCounters, type DatabaseCounters } from "./database";
import { preparePaidOrders } from "./fixtures";
import { withHarness } from "./harness";
import { runLoad, type LoadResult } from "./load";
import { createRun, echoRequest, ordersOf, statusRequest } from "./scenarios";
import type { Session } from "./sessions";
import { cycle } from "./context";
import { summariseProfile } from "./profile-summary";

const began = Date.now();
const log = (line: string) =>
  process.stderr.write(`[profile ${((Date.now() - began) / 1000).toFixed(0).padStart(3)}s] ${line}\n`);

// PostgreSQL flushes a busy backend's statistics at most once a second and an idle one's after
// 10 s; waiting that long on both sides of a run makes the counters exact.
const statsSettleMs = 11_000;
const connections = 16;

/** Prepares the orders first, so their inserts stay out of the counted window; returns the run. */
async function prepareNotifies(ctx: BenchContext, provider: Provider, amount: number) {
  const batch = await preparePaidOrders(ctx.world, provider, amount + connections + 8, ctx.payers);
  const bodies = once(batch.notifies, `${provider} notifies`);
  return async () => {
    const result = await runLoad({ target: ctx.target, connections, amount, next: bodies.next });
    for (const orderNo of batch.orderNos.slice(0, bodies.used())) ctx.notified.set(orderNo, provider);
    return result;
  };
}

function perRequest(before: DatabaseCounters, after: DatabaseCounters, requests: number): string {
  const per = (key: keyof DatabaseCounters) => ((after[key] - before[key]) / requests).toFixed(2);
  return `transactions ${per("commits")}, rows inserted ${per("inserted")}, updated ${per("updated")}, fetched ${per("fetched")}, returned ${per("returned")}`;
}

const scenarios = ["notify", "create", "status", "baseline"] as const;
type Scenario = (typeof scenarios)[number];

function scenario(): Scenario {
  const value = process.env.BENCH_PROFILE ?? "notify";
  const known = scenarios.find((name) => name === value);
  if (known) return known;
  throw new Error(`BENCH_PROFILE must be one of ${scenarios.join(", ")}, got ${JSON.stringify(value)}`);
}

/** The first app file on the stack of what is profiled: samples before it (start-up) are left out. */
const entryFile: Record<Scenario, string> = {
  notify: "lib/recharge/notify-endpoint.ts",
  create: "lib/recharge/create-order.ts",
  status: "lib/recharge/read-order-status.ts",
  baseline: "app/api/bench/echo/route.ts",
};

/** Counts the database work of one run between settled statistics. */
async function counted(databaseUrl: string, run: () => Promise<LoadResult>) {
  await new Promise((resolve) => setTimeout(resolve, statsSettleMs));
  const before = await readCounters(databaseUrl);
  const result = await run();
  await new Promise((resolve) => setTimeout(resolve, statsSettleMs));
  return { result, before, after: await readCounters(databaseUrl) };
}

function describeRun(label: string, unit: string, run: Awaited<ReturnType<typeof counted>>): string[] {
  const { result, before, after } = run;
  // The servers' background jobs (about 1.4 transactions a second) are part of the count.
  return [
    `${label}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; server CPU ${(result.cpu.serverMs / result.completed).toFixed(2)} ms/${unit} (${result.cpu.serverCores.toFixed(2)} cores), sandbox server ${result.cpu.sandboxCores.toFixed(2)} cores, database ${result.cpu.databaseCores.toFixed(2)} cores, others ${(result.cpu.otherMachine * 100).toFixed(0)}% of the machine`,
    `  per ${unit}: ${perRequest(before, after, result.completed)}`,
  ];
}

async function main(): Promise<void> {
  const config = loadConfig();
  const kind = scenario();
  const amount = clamp(Number(process.env.BENCH_PROFILE_NOTIFIES ?? 3_000), 200, config.maxOrdersPerRun);
  // Outside the work tree: profiles are large and not for committing.
  const profileDir = mkdtempSync(path.join(tmpdir(), "recharge-bench-profile-"));
  const lines: string[] = [];
  await withHarness(
    { config, log, nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] },
    async ({ ctx, databaseUrl }) => {
      if (kind === "baseline") {
        const load = (requests: number) =>
          runLoad({ target: ctx.target, connections, amount: requests, next: () => echoRequest });
        log(`baseline: warm-up, then ${amount * 2} requests at ${connections} connections`);
        await load(1_000);
        lines.push(...describeRun("BASELINE", "request", await counted(databaseUrl, () => load(amount * 2))));
        return;
      }
      if (kind === "create" || kind === "status") {
        log("order creation: warm-up");
        await createRun(ctx, connections, 100);
        const orders = clamp(amount / 10, 100, 1_000);
        log(`order creation: ${orders} orders at ${connections} connections`);
        let sessions: Session[] = [];
        const created = await counted(databaseUrl, async () => {
          const run = await createRun(ctx, connections, orders);
          sessions = run.sessions;
          return run.result;
        });
        if (kind === "create") lines.push(...describeRun("CREATE", "order", created));
        else {
          log(`status reads for ${config.seconds * 2} s at ${connections} connections`);
          const next = cycle((await ordersOf(ctx, sessions)).map(statusRequest));
          const status = await counted(databaseUrl, () =>
            runLoad({ target: ctx.target, connections, seconds: config.seconds * 2, next }),
          );
          lines.push(...describeRun("STATUS", "read", status));
        }
        return;
      }
      for (const provider of ["WECHAT", "ALIPAY"] as const) {
        log(`${provider}: warm-up, then ${amount} notifies at ${connections} connections`);
        await (
          await prepareNotifies(ctx, provider, 300)
        )();
        const run = await prepareNotifies(ctx, provider, amount);
        lines.push(...describeRun(provider, "notify", await counted(databaseUrl, run)));
      }
    },
  );
  const profiles = readdirSync(profileDir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(profileDir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const newest = profiles[0];
  process.stdout.write(`\n${lines.join("\n")}\n\n`);
  process.stdout.write(
    newest ? `${summariseProfile(newest, entryFile[kind])}\n\nprofile: ${newest}\n` : "no CPU profile was written\n",
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
