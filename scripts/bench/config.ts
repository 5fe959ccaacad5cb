/**
 * Settings of `npm run bench`, from the environment, each clamped to a safe range: the bench
 * runs on the developers' 2-core machines and must stop by itself in bounded time and size.
 */

export interface BenchConfig {
  /** Length of each measured run (one scenario at one connection count). */
  seconds: number;
  /** Length of the soak, after its own warm-up. */
  soakSeconds: number;
  /** Warm-up before the soak's memory baseline is taken. */
  soakWarmupSeconds: number;
  /** Connection counts every scenario is measured at. */
  connections: readonly number[];
  /** Upper bound on pending orders (and signed notify bodies) prepared for one run. */
  maxOrdersPerRun: number;
  /** Upper bound on users signed in for the order-creation runs (20 orders per user per minute). */
  maxUsers: number;
  /** Admin connection to the PostgreSQL server; the bench creates and drops its own database there. */
  postgresAdminUrl: string;
  /** Keep the bench database after the run, for inspection. */
  keepDatabase: boolean;
  /** Port of the server under test (the sandbox gateway's server takes the next one); 0: any free ports. */
  port: number;
  /** Live streams of the largest live-status phase (the others open 50 and 500). */
  liveStreams: number;
  /** `wallet`: only the baseline, the service API's spending paths and the checks (about 2 minutes). */
  only: "all" | "wallet";
}

function bounded(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return Math.min(max, Math.max(min, Math.round(value)));
}

function only(): BenchConfig["only"] {
  const raw = (process.env.BENCH_ONLY ?? "").trim().toLowerCase();
  if (raw === "" || raw === "all") return "all";
  if (raw === "wallet") return "wallet";
  throw new Error(`BENCH_ONLY must be "wallet" or unset, got ${JSON.stringify(process.env.BENCH_ONLY)}`);
}

function flag(name: string): boolean {
  return ["1", "true", "yes"].includes((process.env[name] ?? "").toLowerCase());
}

export function loadConfig(): BenchConfig {
  const soakSeconds = bounded("BENCH_SOAK_SECONDS", 60, 10, 600);
  return {
    seconds: bounded("BENCH_SECONDS", 8, 3, 60),
    soakSeconds,
    soakWarmupSeconds: Math.min(15, Math.max(5, Math.round(soakSeconds / 6))),
    connections: [16, 64],
    maxOrdersPerRun: bounded("BENCH_MAX_ORDERS", 20_000, 1_000, 50_000),
    maxUsers: bounded("BENCH_MAX_USERS", 300, 20, 1_000),
    postgresAdminUrl: process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    keepDatabase: flag("BENCH_KEEP_DB"),
    port: bounded("BENCH_PORT", 0, 0, 65_534),
    liveStreams: bounded("BENCH_LIVE_STREAMS", 5_000, 500, 10_000),
    only: only(),
  };
}
