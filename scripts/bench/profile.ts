/**
 * `npx tsx scripts/bench/profile.ts`: where a notify's time goes. Runs the server with
 * `--cpu-prof`, sends only notifies (each for a distinct pending order), counts the database
 * work per notify from pg_stat_database, and summarises the CPU profile.
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
import { runLoad } from "./load";
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

async function main(): Promise<void> {
  const config = loadConfig();
  const amount = clamp(Number(process.env.BENCH_PROFILE_NOTIFIES ?? 3_000), 200, config.maxOrdersPerRun);
  // Outside the work tree: profiles are large and not for committing.
  const profileDir = mkdtempSync(path.join(tmpdir(), "recharge-bench-profile-"));
  const lines: string[] = [];
  await withHarness(
    { config, log, nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] },
    async ({ ctx, databaseUrl }) => {
      for (const provider of ["WECHAT", "ALIPAY"] as const) {
        log(`${provider}: warm-up, then ${amount} notifies at ${connections} connections`);
        await (
          await prepareNotifies(ctx, provider, 300)
        )();
        const run = await prepareNotifies(ctx, provider, amount);
        await new Promise((resolve) => setTimeout(resolve, statsSettleMs));
        const before = await readCounters(databaseUrl);
        const result = await run();
        await new Promise((resolve) => setTimeout(resolve, statsSettleMs));
        const after = await readCounters(databaseUrl);
        // The server's background jobs (about 1.4 transactions a second) are part of the count.
        lines.push(
          `${provider}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; server CPU ${(result.cpu.serverMs / result.completed).toFixed(2)} ms/notify (${result.cpu.serverCores.toFixed(2)} cores), database ${result.cpu.databaseCores.toFixed(2)} cores, others ${(result.cpu.otherMachine * 100).toFixed(0)}% of the machine`,
          `  per notify: ${perRequest(before, after, result.completed)}`,
        );
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
    newest
      ? `${summariseProfile(newest, "lib/recharge/notify-endpoint.ts")}\n\nprofile: ${newest}\n`
      : "no CPU profile was written\n",
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
