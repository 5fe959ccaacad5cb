/**
 * `npm run bench`: builds if needed, starts the production server (scripts/server.mjs) on a fresh PostgreSQL database, loads it
 * from this process over loopback, and prints throughput, latency, errors, CPU and memory for
 * the baseline, both providers' notifies, order creation and status reads, then a soak, the
 * service API's debits and holds against their settle-transaction floor, and the money checks.
 * BENCH_ONLY=wallet runs the baseline, the service API and the checks alone. Targets are
 * reported (PASS/MISS), not asserted. See docs/benchmarks.md.
 */
import { loadConfig, type BenchConfig } from "./config";
import type { Measurement } from "./context";
import { withHarness, type Harness } from "./harness";
import { describeMachine } from "./machine";
import { measureLive, type LiveResult } from "./live";
import {
  contentionWarning,
  liveTable,
  liveTargets,
  pollingLines,
  resultsTable,
  rssTimeline,
  soakTable,
  statusScenario,
  targets,
  targetsTable,
} from "./report";
import { measureBaseline, measureCreate, measureNotify, measureStatus } from "./scenarios";
import { soak, type SoakResult } from "./soak";
import { runChecks, type Checks } from "./verify";
import { measureWalletApi, newTally } from "./wallet";
import { prepareWallet } from "./wallet-fixtures";
import { measureWalletFloor } from "./wallet-floor";
import { floorTable, walletCheckLines, walletTargets } from "./wallet-report";
import { runWalletChecks, type WalletChecks } from "./wallet-verify";

const began = Date.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(3)}s] ${line}\n`);

interface Results {
  machine: string;
  measurements: Measurement[];
  /** The order paths' phases: absent with BENCH_ONLY=wallet. */
  orders?: { live: LiveResult[]; soak: SoakResult };
  checks: Checks;
  wallet: WalletChecks;
  serverProblems: string[];
}

/** Notifies, order creation, status reads, live status and the soak; appends to `measurements`. */
async function orderPaths(ctx: Harness["ctx"], measurements: Measurement[]): Promise<NonNullable<Results["orders"]>> {
  for (const provider of ["WECHAT", "ALIPAY"] as const) {
    log(`${provider} notifies`);
    measurements.push(...(await measureNotify(ctx, provider)));
  }
  log("order creation through the sandbox gateway");
  const created = await measureCreate(ctx);
  measurements.push(...created.measurements);
  log("order status reads");
  measurements.push(...(await measureStatus(ctx, created.reads)));
  log("live status streams");
  const live = await measureLive(ctx, [50, 500, ctx.config.liveStreams]);

  const at16 = (scenario: string) =>
    measurements.find((m) => m.scenario === scenario && m.result.connections === 16)?.result.rps ?? 1;
  log("soak");
  const soakResult = await soak(
    ctx,
    { wechat: at16("WeChat notify"), alipay: at16("Alipay notify"), status: at16(statusScenario) },
    created.reads,
  );
  return { live, soak: soakResult };
}

async function bench({ ctx, prisma, server }: Harness): Promise<Results> {
  const machine = await describeMachine(prisma);
  const measurements: Measurement[] = [];
  log("baseline");
  measurements.push(...(await measureBaseline(ctx)));
  const orders = ctx.config.only === "all" ? await orderPaths(ctx, measurements) : undefined;
  log("service API: funding users, making the key");
  const wallet = await prepareWallet(ctx.world);
  const tally = newTally();
  log("service API: debits and holds over HTTP");
  measurements.push(...(await measureWalletApi(ctx, wallet, tally)));
  log("service API: the settle-transaction floor (the debit use case, called directly)");
  measurements.push(...(await measureWalletFloor(ctx, wallet, tally)));
  log(orders ? "checking the ledger, every notified order and the wallet" : "checking the ledger and the wallet");
  const checks = await runChecks(prisma, orders ? ctx.notified : null);
  const walletChecks = await runWalletChecks(prisma, wallet, tally);
  const serverProblems = server.problems().filter((line) => /"level":"(error|warn)"/.test(line));
  return { machine, measurements, orders, checks, wallet: walletChecks, serverProblems };
}

/** How often each kind of logged problem occurred, so a few examples do not hide the rest. */
function problemCounts(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const message = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 80);
    const error = /"message":"([^"]{0,80})/.exec(line)?.[1];
    const key = error ? `${message}: ${error}` : message;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `  ${count}× ${key}`);
}

/** Live status and the soak, as printed after the results table. */
function orderSections(
  orders: NonNullable<Results["orders"]>,
  measurements: readonly Measurement[],
  config: BenchConfig,
) {
  const { live, soak: soakResult } = orders;
  const status16 = measurements.find((m) => m.scenario === statusScenario && m.result.connections === 16);
  return [
    "Live status: N server-sent-event streams open at once (4 per user, one order each), then signed notifies",
    "settling some of their orders at a steady rate; delay = from the notify's answer to the PAID event reaching",
    "its stream (0 when the event came first: 'before answer'); CPU ms/event = server CPU in the notify window,",
    "less what the open streams cost idle, per event",
    "",
    liveTable(live),
    ...pollingLines(status16?.result, live.at(-1)),
    "",
    soakTable(soakResult, config.soakWarmupSeconds, config.soakSeconds),
    rssTimeline(soakResult.result),
    "",
  ];
}

function report(results: Results, config: BenchConfig): string {
  const { measurements, orders, checks } = results;
  return [
    "## Results",
    "",
    results.machine,
    `runs: ${config.seconds} s each; notify, creation and service API runs send a fixed count of distinct requests sized to last about that long`,
    "CPU columns: server CPU ms/req = the server's CPU time per request (for the floor rows: this harness process's,",
    "which runs the use case itself); server and db CPU in cores (1.00 = one core busy); others = the rest of the",
    "machine's work, in % of all cores",
    ...[contentionWarning([...measurements.map((m) => m.result), ...(orders ? [orders.soak.result] : [])])].flatMap(
      (note) => (note ? ["", note] : []),
    ),
    "",
    resultsTable(measurements),
    "",
    "Service API against the settle-transaction floor (the debit use case called directly, no HTTP, auth,",
    "idempotency or logging; same concurrency, same pool size); a hold + capture counts each request, so",
    "pairs/s = req/s ÷ 2",
    "",
    floorTable(measurements),
    "",
    ...(orders ? orderSections(orders, measurements, config) : []),
    `ledger invariants (checkLedgerInvariants): ${checks.violations.length === 0 ? "no violations" : JSON.stringify(checks.violations.slice(0, 5))}`,
    ...(checks.orders
      ? [
          `notified orders paid exactly once: ${checks.orders.paidOnce} of ${checks.orders.notified}`,
          ...checks.orders.problems.map((problem) => `  ${problem}`),
        ]
      : []),
    ...walletCheckLines(results.wallet),
    `server warnings/errors logged: ${results.serverProblems.length}`,
    ...problemCounts(results.serverProblems),
    ...results.serverProblems.slice(0, 5).map((line) => `  ${line.slice(0, 300)}`),
    "",
    "## Targets (reported, not asserted)",
    "",
    targetsTable([
      ...targets(measurements, orders?.soak, checks),
      ...liveTargets(orders?.live ?? []),
      ...walletTargets(measurements, results.wallet),
    ]),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const config = loadConfig();
  const results = await withHarness({ config, log }, bench);
  process.stdout.write(`\n${report(results, config)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
