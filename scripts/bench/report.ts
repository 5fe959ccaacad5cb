/** The printed results: Markdown tables, so a run's output can be pasted into docs/benchmarks.md. */
import type { Measurement } from "./context";
import type { LiveResult } from "./live";
import { errorCount, type LoadResult } from "./load";
import type { SoakResult } from "./soak";
import type { Checks } from "./verify";

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export const fixed = (value: number, digits = 0) => value.toFixed(digits);
export const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}×` : "n/a");

export function errorsCell(result: LoadResult): string {
  const total = errorCount(result);
  if (total === 0) return "0";
  const parts = [
    ...Object.entries(result.statusCounts)
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, count]) => `${code}×${count}`),
    ...(result.socketErrors ? [`socket×${result.socketErrors}`] : []),
    ...(result.rejected ? [`refused×${result.rejected}`] : []),
  ];
  return `${total} (${parts.join(", ")})`;
}

const cpuHeader = ["server CPU ms/req", "server CPU", "sandbox CPU", "db CPU", "others"];

function cpuCells({ cpu, completed }: LoadResult): string[] {
  return [
    (cpu.serverMs / Math.max(1, completed)).toFixed(2),
    cpu.serverCores.toFixed(2),
    cpu.sandboxCores.toFixed(2),
    cpu.databaseCores.toFixed(2),
    `${fixed(cpu.otherMachine * 100)}%`,
  ];
}

export function resultsTable(measurements: readonly Measurement[]): string {
  const baseline = new Map(
    measurements.filter((m) => m.scenario.startsWith("baseline")).map((m) => [m.result.connections, m.result]),
  );
  const rows = measurements.map(({ scenario, result }) => {
    const base = baseline.get(result.connections);
    return [
      scenario,
      String(result.connections),
      String(result.completed),
      fixed(result.rps),
      base ? ratio(result.rps, base.rps) : "",
      fixed(result.p50Ms),
      fixed(result.p99Ms),
      base ? ratio(result.p99Ms, base.p99Ms) : "",
      errorsCell(result),
      fixed(result.peakRssMiB),
      base ? ratio(result.peakRssMiB, base.peakRssMiB) : "",
      ...cpuCells(result),
    ];
  });
  return table(
    [
      "scenario",
      "conns",
      "requests",
      "req/s",
      "req/s vs base",
      "p50 ms",
      "p99 ms",
      "p99 vs base",
      "errors",
      "peak RSS MiB",
      "RSS vs base",
      ...cpuHeader,
    ],
    rows,
  );
}

export function soakTable(soak: SoakResult, warmupSeconds: number, seconds: number): string {
  const { result } = soak;
  return table(
    [
      "soak (50% notifies, 50% status reads)",
      "conns",
      "req/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "RSS after warm-up MiB",
      "RSS at end MiB",
      "growth",
      ...cpuHeader,
    ],
    [
      [
        `${warmupSeconds} s warm-up + ${seconds} s at ${soak.rate} req/s`,
        String(result.connections),
        fixed(result.rps),
        fixed(result.p50Ms),
        fixed(result.p99Ms),
        errorsCell(result),
        fixed(soak.warmRssMiB),
        fixed(soak.endRssMiB),
        `${soak.growthPercent >= 0 ? "+" : ""}${fixed(soak.growthPercent, 1)}%`,
        ...cpuCells(result),
      ],
    ],
  );
}

export const statusScenario = "order status (GET)";

export interface Target {
  name: string;
  measured: string;
  /** Null: a figure to read, not a target (e.g. a ratio with no agreed bound). */
  pass: boolean | null;
}

/** The targets: reported, not asserted (the run still exits 0 on a MISS). */
export function targets(
  measurements: readonly Measurement[],
  soak: SoakResult | undefined,
  checks: Checks | undefined,
): Target[] {
  const list: Target[] = [];
  const baseline = new Map(
    measurements.filter((m) => m.scenario.startsWith("baseline")).map((m) => [m.result.connections, m.result]),
  );
  for (const { scenario, result } of measurements.filter((m) => m.scenario.endsWith("notify"))) {
    const base = baseline.get(result.connections);
    if (!base) continue;
    const share = result.rps / base.rps;
    // What the CPU each request costs predicts for a CPU-bound server, steadier on a busy machine.
    const byCpu = base.cpu.serverMs / base.completed / (result.cpu.serverMs / result.completed);
    list.push({
      name: `${scenario} @${result.connections}: throughput ≥ 60% of baseline`,
      measured: `${fixed(share * 100)}% (${fixed(result.rps)} vs ${fixed(base.rps)} req/s; by CPU/req ${fixed(byCpu * 100)}%)`,
      pass: share >= 0.6,
    });
    const p99 = result.p99Ms / base.p99Ms;
    list.push({
      name: `${scenario} @${result.connections}: p99 ≤ 2× baseline p99`,
      measured: `${p99.toFixed(2)}× (${fixed(result.p99Ms)} vs ${fixed(base.p99Ms)} ms)`,
      pass: p99 <= 2,
    });
  }
  for (const { result } of measurements.filter((m) => m.scenario === statusScenario)) {
    const base = baseline.get(result.connections);
    if (!base) continue;
    const share = result.rps / base.rps;
    list.push({
      name: `order status @${result.connections}: throughput ≥ 50% of baseline`,
      measured: `${fixed(share * 100)}% (${fixed(result.rps)} vs ${fixed(base.rps)} req/s)`,
      pass: share >= 0.5,
    });
  }
  const runs = [...measurements.map((m) => m.result), ...(soak ? [soak.result] : [])];
  const errors = runs.reduce((sum, result) => sum + errorCount(result), 0);
  list.push({ name: "zero errors (every measured run and the soak)", measured: String(errors), pass: errors === 0 });
  if (soak) {
    list.push({
      name: "memory growth over the soak < 10%",
      measured: `${fixed(soak.growthPercent, 1)}% (${fixed(soak.warmRssMiB)} → ${fixed(soak.endRssMiB)} MiB)`,
      pass: soak.growthPercent < 10,
    });
  }
  if (checks) {
    list.push({
      name: "ledger invariants (checkLedgerInvariants)",
      measured: checks.violations.length === 0 ? "no violations" : `${checks.violations.length} violations`,
      pass: checks.violations.length === 0,
    });
    const { orders } = checks;
    if (orders)
      list.push({
        name: "every notified order PAID exactly once",
        measured: `${orders.paidOnce} of ${orders.notified}`,
        pass: orders.notified > 0 && orders.paidOnce === orders.notified && orders.problems.length === 0,
      });
  }
  return list;
}

export function targetsTable(list: readonly Target[]): string {
  return table(
    ["target", "measured", "result"],
    list.map((target) => [
      target.name,
      target.measured,
      target.pass === null ? "reported" : target.pass ? "PASS" : "MISS",
    ]),
  );
}

/** The server's RSS through the soak, one figure per interval: a plateau or a slope tells more than two ends. */
export function rssTimeline(result: LoadResult, everyMs = 10_000): string {
  const points: string[] = [];
  for (let at = result.startedAtMs; ; at += everyMs) {
    const sample = result.memory.find((candidate) => candidate.atMs >= at);
    if (!sample) break;
    points.push(`${Math.round((sample.atMs - result.startedAtMs) / 1000)}s ${fixed(sample.rssMiB)}`);
  }
  return `server RSS during the soak (MiB): ${points.join(", ")}`;
}

/** A loud note when other work took a large share of the machine: throughput figures then mean little. */
export function contentionWarning(runs: readonly LoadResult[]): string | null {
  if (runs.length === 0) return null;
  const others = runs.reduce((sum, result) => sum + result.cpu.otherMachine, 0) / runs.length;
  if (others < 0.15) return null;
  return [
    `WARNING: other processes used ${fixed(others * 100)}% of the machine on average during the runs.`,
    "Throughput and latency are depressed and noisy; the ratios to the baseline (measured under the same",
    "contention) and the server's CPU time per request are the steadier figures. Re-run on a quiet machine.",
  ].join("\n");
}

/** Server CPU one notify and its live event cost, less what the open streams cost meanwhile anyway. */
export function cpuPerEventMs(live: LiveResult): number {
  const idlePerSecond = live.idle.serverMs / live.idleSeconds;
  return Math.max(0, live.notify.serverMs - idlePerSecond * live.notifySeconds) / Math.max(1, live.delivered);
}

/** Server CPU an open stream costs per minute while nothing happens (heartbeats included). */
export function idleMsPerStreamMinute(live: LiveResult): number {
  return (live.idle.serverMs / live.idleSeconds / Math.max(1, live.opened)) * 60;
}

export const kibPerStream = (live: LiveResult) =>
  ((live.rssOpenMiB - live.rssBeforeMiB) * 1024) / Math.max(1, live.opened);

export function liveTable(results: readonly LiveResult[]): string {
  const base = results[0];
  return table(
    [
      "live streams",
      "opened",
      "failed",
      "open time s",
      "RSS before → open → closed MiB",
      "KiB per stream",
      "idle server CPU",
      "idle CPU ms/stream/min",
      "notifies",
      "delivered",
      "delay p50 ms",
      "delay p99 ms",
      "delay max ms",
      "before answer",
      "from send p50/p99 ms",
      "CPU ms/event",
      "vs fewest streams",
      "db CPU",
      "others",
    ],
    results.map((live) => [
      String(live.streams),
      String(live.opened),
      String(live.failures + live.notifyErrors),
      fixed(live.openSeconds, 1),
      `${fixed(live.rssBeforeMiB)} → ${fixed(live.rssOpenMiB)} → ${fixed(live.rssAfterMiB)}`,
      fixed(kibPerStream(live), 1),
      live.idle.serverCores.toFixed(3),
      idleMsPerStreamMinute(live).toFixed(3),
      String(live.notifies),
      String(live.delivered),
      fixed(live.delayP50Ms, 1),
      fixed(live.delayP99Ms, 1),
      fixed(live.delayMaxMs, 1),
      String(live.beforeAnswer),
      `${fixed(live.fromSendP50Ms)} / ${fixed(live.fromSendP99Ms)}`,
      cpuPerEventMs(live).toFixed(2),
      base ? ratio(cpuPerEventMs(live), cpuPerEventMs(base)) : "",
      live.notify.databaseCores.toFixed(2),
      `${fixed(live.notify.otherMachine * 100)}%`,
    ]),
  );
}

/** Polls of a pending pay page per minute (components/orders/use-order-status.ts: every 3 s). */
const pollsPerMinute = 20;

/** What a page costs the server per minute when it polls instead of holding a live stream. */
export function pollingLines(status: LoadResult | undefined, live: LiveResult | undefined): string[] {
  if (!status) return [];
  const perRead = status.cpu.serverMs / Math.max(1, status.completed);
  const perMinute = perRead * pollsPerMinute;
  const lines = [
    `polling fallback: ${pollsPerMinute} status reads per page per minute × ${perRead.toFixed(2)} ms = ${perMinute.toFixed(1)} ms of server CPU per page per minute, ~${fixed(60_000 / perMinute)} polling pages per core`,
  ];
  if (live) {
    const idle = idleMsPerStreamMinute(live);
    lines.push(
      `a live stream instead: ${idle.toFixed(3)} ms per page per minute while idle (${live.opened} open), plus ${cpuPerEventMs(live).toFixed(2)} ms per event`,
    );
  }
  return lines;
}

/** The live-status targets of the issue. */
export function liveTargets(results: readonly LiveResult[]): Target[] {
  const largest = results.at(-1);
  const fewest = results[0];
  if (!largest || !fewest) return [];
  const growth = cpuPerEventMs(largest) / Math.max(0.001, cpuPerEventMs(fewest));
  const failures = results.reduce(
    (sum, live) => sum + live.failures + live.notifyErrors + (live.notifies - live.delivered),
    0,
  );
  return [
    {
      name: `live event delay p99 ≤ 200 ms with ${largest.streams} streams`,
      measured: `${fixed(largest.delayP99Ms)} ms (p50 ${fixed(largest.delayP50Ms)} ms, ${largest.delivered} events)`,
      pass: largest.delivered > 0 && largest.delayP99Ms <= 200,
    },
    {
      name: `CPU per event independent of open streams (${largest.streams} vs ${fewest.streams}: ≤ 1.5×)`,
      measured: `${growth.toFixed(2)}× (${cpuPerEventMs(largest).toFixed(2)} vs ${cpuPerEventMs(fewest).toFixed(2)} ms)`,
      pass: growth <= 1.5,
    },
    {
      name: "memory per open stream ≤ 100 KiB (server RSS growth, uncollected garbage included)",
      measured: `${fixed(kibPerStream(largest), 1)} KiB (${largest.opened} streams)`,
      pass: kibPerStream(largest) <= 100,
    },
    {
      name: "every stream opened, every event delivered, closed streams released (reopened by the next phase)",
      measured: failures === 0 ? "all" : `${failures} failures`,
      pass: failures === 0,
    },
  ];
}
