/**
 * Where the machine's CPU went during a run, from /proc: the server, its PostgreSQL backends,
 * this harness (autocannon), and everything else. On a shared 2-core machine "everything
 * else" is the first thing to look at when a figure looks wrong.
 */
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import type { LoadTarget } from "./load";
import { descendants } from "./memory";

export interface CpuSnapshot {
  /** Clock ticks, summed over all cores. */
  total: number;
  idle: number;
  server: number;
  sandbox: number;
  /** Per backend: the pool opens and closes connections, so totals of two moments do not compare. */
  database: Map<number, number>;
  harness: number;
}

/** Shares of the run's CPU time: per process group as a fraction of one core; others as a fraction of the machine. */
export interface CpuShares {
  /** CPU time the server used, in milliseconds: unlike throughput, barely moved by other work on the machine. */
  serverMs: number;
  serverCores: number;
  /** The sandbox gateway's server (the providers' side of order creation). */
  sandboxCores: number;
  databaseCores: number;
  harnessCores: number;
  otherMachine: number;
}

// USER_HZ: Linux reports process and machine times in 1/100 s on every architecture it supports.
const msPerTick = 10;

function machineTicks(): { total: number; idle: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): utime and stime are 14th and 15th.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11] ?? 0) + Number(rest[12] ?? 0);
  } catch {
    return 0;
  }
}

/** PostgreSQL names each backend's database in its process title. */
function databaseBackends(databaseName: string): number[] {
  const needle = ` ${databaseName} `;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(needle)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const treeTicks = (root: number) => [root, ...descendants(root)].reduce((sum, pid) => sum + processTicks(pid), 0);

export function cpuSnapshot(target: Pick<LoadTarget, "pid" | "sandboxPid" | "databaseName">): CpuSnapshot {
  const { total, idle } = machineTicks();
  return {
    total,
    idle,
    server: treeTicks(target.pid),
    sandbox: target.sandboxPid === undefined ? 0 : treeTicks(target.sandboxPid),
    database: new Map(databaseBackends(target.databaseName).map((pid) => [pid, processTicks(pid)])),
    harness: processTicks(process.pid),
  };
}

export function cpuShares(before: CpuSnapshot, after: CpuSnapshot): CpuShares {
  const cores = cpus().length;
  const elapsed = Math.max(1, after.total - before.total);
  const busy = elapsed - (after.idle - before.idle);
  const server = after.server - before.server;
  const sandbox = after.sandbox - before.sandbox;
  // A backend that started during the run counts whole; one that ended during it is lost (undercount).
  let database = 0;
  for (const [pid, ticks] of after.database) database += ticks - (before.database.get(pid) ?? 0);
  const harness = after.harness - before.harness;
  const perCore = elapsed / cores;
  return {
    serverMs: server * msPerTick,
    serverCores: server / perCore,
    sandboxCores: sandbox / perCore,
    databaseCores: database / perCore,
    harnessCores: harness / perCore,
    otherMachine: Math.max(0, busy - server - sandbox - database - harness) / elapsed,
  };
}

/** Other processes using less than this share of the machine count as quiet. */
const quietShare = 0.15;

/**
 * Waits (up to `maxMs`) for a second in which other processes leave the machine mostly idle, so a
 * run does not start in the middle of someone else's build; returns the others' share last seen.
 */
export async function waitForQuiet(
  target: Pick<LoadTarget, "pid" | "sandboxPid" | "databaseName">,
  maxMs = 6_000,
): Promise<number> {
  const deadline = Date.now() + maxMs;
  let others = 1;
  while (Date.now() < deadline) {
    const before = cpuSnapshot(target);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    others = cpuShares(before, cpuSnapshot(target)).otherMachine;
    if (others < quietShare) break;
  }
  return others;
}
