/** The printed results: Markdown tables, so a run's output can be pasted into docs/benchmarks.md. */
import type { Measurement } from "./context";
import { errorCount, type LoadResult } from "./load";
import type { SoakResult } from "./soak";
import type { Checks } from "./verify";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}×` : "n/a");

function errorsCell(result: LoadResult): string {
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

const cpuHeader = ["server CPU ms/req", "server CPU", "db CPU", "others"];

function cpuCells({ cpu, completed }: LoadResult): string[] {
  return [
    (cpu.serverMs / Math.max(1, completed)).toFixed(2),
    cpu.serverCores.toFixed(2),
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

export interface Target {
  name: string;
  measured: string;
  pass: boolean;
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
    list.map((target) => [target.name, target.measured, target.pass ? "PASS" : "MISS"]),
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
