/**
 * The settle-transaction floor: the debit use case the route runs (`debitCredits` in a Prisma
 * transaction, lib/wallet/debit-credits.ts) called straight from this process on the bench
 * database, at the same concurrency as the HTTP runs and through a pool of the same size as the
 * server's (lib/db/database.ts: 10). No HTTP, key lookup, rate limit, idempotency record or call
 * log: what is left is the wallet's own transaction, the most any route around it could do.
 */
import { performance } from "node:perf_hooks";
import { AppError } from "@/lib/errors";
import { debitCredits } from "@/lib/wallet/debit-credits";
import { percentile, type BenchContext, type Measurement } from "./context";
import { cpuShares, cpuSnapshot, waitForQuiet } from "./cpu";
import type { BenchUser } from "./fixtures";
import type { LoadResult } from "./load";
import { peakMiB, sampleMemory } from "./memory";
import { debitAmount, walletScenarios, type WalletTally } from "./wallet";
import type { WalletWorld } from "./wallet-fixtures";

// One sequence for every floor run: a key used twice would replay the first debit, not make a new one.
let floorSeq = 0;

/** `connections` workers, each debiting in a closed loop (one transaction at a time) until time is up. */
async function floorRun(
  ctx: BenchContext,
  wallet: WalletWorld,
  users: readonly BenchUser[],
  connections: number,
  seconds: number,
): Promise<{ result: LoadResult; committed: number }> {
  await waitForQuiet(ctx.target);
  // This process does the work here, so it stands in the "server" columns; counted once, not also as the harness.
  const who = { pid: process.pid, databaseName: ctx.target.databaseName };
  const snapshot = () => ({ ...cpuSnapshot(who), harness: 0 });
  const sampler = sampleMemory(process.pid);
  const before = snapshot();
  const startedAtMs = Date.now();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let index = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const user = users[index % users.length];
      if (!user) throw new Error("no users");
      index += 1;
      floorSeq += 1;
      const idempotencyKey = `${wallet.runTag}-floor-${floorSeq}`;
      const sent = performance.now();
      try {
        const debit = await ctx.world.prisma.$transaction((tx) =>
          debitCredits(tx, {
            userId: user.id,
            amount: debitAmount,
            kind: "CONSUME",
            idempotencyKey,
            reference: "bench",
          }),
        );
        // A replay changed nothing: counted as a failure, so a key collision cannot pass for throughput.
        if (!debit.created) failures.replayed = (failures.replayed ?? 0) + 1;
      } catch (error) {
        const code = error instanceof AppError ? error.message : error instanceof Error ? error.name : "error";
        failures[code] = (failures[code] ?? 0) + 1;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const durationSeconds = Math.max(0.001, (performance.now() - started) / 1000);
  const cpu = cpuShares(before, snapshot());
  const memory = sampler.stop();
  const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
  latencies.sort((a, b) => a - b);
  const result: LoadResult = {
    connections,
    completed: latencies.length,
    durationSeconds,
    rps: latencies.length / durationSeconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    socketErrors: 0,
    non2xx: failed,
    rejected: 0,
    statusCounts: failures,
    peakRssMiB: peakMiB(memory),
    memory,
    cpu,
    startedAtMs,
  };
  return { result, committed: latencies.length - failed };
}

export async function measureWalletFloor(
  ctx: BenchContext,
  wallet: WalletWorld,
  tally: WalletTally,
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const [scenario, users] of [
    [walletScenarios.floorMany, wallet.spenders],
    [walletScenarios.floorHot, [wallet.hot]],
  ] as const) {
    ctx.log(`  ${scenario}`);
    // Warms this process's Prisma client and the statements' plans, as the HTTP warm-ups do the server's.
    const warm = await floorRun(ctx, wallet, users, 16, 2);
    let committed = warm.committed;
    for (const connections of ctx.config.connections) {
      const run = await floorRun(ctx, wallet, users, connections, ctx.config.seconds);
      committed += run.committed;
      measurements.push({ scenario, result: run.result });
    }
    if (scenario === walletScenarios.floorHot) tally.floorHot += committed;
    else tally.floorMany += committed;
  }
  return measurements;
}
