/**
 * Set-up and tear-down shared by the bench and the profiler: production build, a fresh
 * database, the server under test, the harness's own handle on the database, and the data
 * every scenario starts from. Whatever happens, the server is stopped and the database dropped.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { installDatabase } from "@/lib/db";
import { openDatabase, type Database } from "@/lib/db/database";
import { ensureBuild } from "./build";
import type { BenchConfig } from "./config";
import type { BenchContext } from "./context";
import { createBenchDatabase, dropBenchDatabase } from "./database";
import { createUsers, loadWorld } from "./fixtures";
import { startServer, type RunningServer } from "./server";

export const root = path.resolve(import.meta.dirname, "..", "..");

export interface Harness {
  ctx: BenchContext;
  server: RunningServer;
  /** A second server of the same build that only plays the providers: the configs' gateway URLs point at it. */
  gateway: RunningServer;
  prisma: PrismaClient;
  databaseUrl: string;
}

function serverEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    // Fresh per run: no real deployment's secrets are needed or touched.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    APP_ENCRYPTION_KEY: `bench:${randomBytes(32).toString("base64")}`,
    SANDBOX_ENABLED: "true",
    BENCH_ENABLED: "true",
    NEXT_MANUAL_SIG_HANDLE: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "info",
    // The most lib/env.ts allows (per key per minute): the service API runs all use one key, and
    // the default (6,000) would answer 429 within seconds and measure the limiter, not the paths.
    API_RATE_LIMIT_PER_MINUTE: "10000000",
  };
}

export interface HarnessOptions {
  config: BenchConfig;
  log: (line: string) => void;
  /** Flags for the server's node process, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

/** Runs `work` against a fresh server and database; the server has exited when this resolves. */
export async function withHarness<T>(options: HarnessOptions, work: (harness: Harness) => Promise<T>): Promise<T> {
  const { config, log } = options;
  ensureBuild(root, log);
  const databaseName = `recharge_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(3).toString("hex")}`;
  log(`creating database ${databaseName}`);
  const databaseUrl = await createBenchDatabase(config.postgresAdminUrl, databaseName);
  let server: RunningServer | undefined;
  let gateway: RunningServer | undefined;
  let db: Database | undefined;
  const interrupted = () => {
    log("interrupted: stopping the servers; the database is dropped next");
    void server?.stop();
    void gateway?.stop();
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const env = serverEnv(databaseUrl);
    server = await startServer({ root, env, nodeFlags: options.nodeFlags, port: config.port, log });
    log(`server ${server.pid} ready at ${server.baseUrl}`);
    // Its start-up points the sandbox configs at itself (they follow APP_URL), so order creation on the
    // server under test calls the gateway over HTTP in another process, as it would call a provider.
    gateway = await startServer({ root, env, port: config.port && config.port + 1, log });
    log(`sandbox gateway server ${gateway.pid} ready at ${gateway.baseUrl}`);
    // The harness needs the same settings: the key opens the sandbox merchants' secrets, APP_URL makes notify URLs.
    Object.assign(process.env, env, { APP_URL: server.baseUrl });
    db = await openDatabase({ kind: "postgres", url: databaseUrl });
    installDatabase(db);
    const world = await loadWorld(db.prisma);
    const ctx: BenchContext = {
      config,
      target: { baseUrl: server.baseUrl, pid: server.pid, sandboxPid: gateway.pid, databaseName },
      world,
      payers: await createUsers(world, 1_000, "payer"),
      notified: new Map(),
      log,
    };
    const result = await work({ ctx, server, gateway, prisma: db.prisma, databaseUrl });
    await Promise.all([server.stop(), gateway.stop()]);
    log("servers stopped");
    return result;
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await server?.stop().catch(() => undefined);
    await gateway?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    if (config.keepDatabase) log(`kept database ${databaseName}`);
    else
      await dropBenchDatabase(config.postgresAdminUrl, databaseName).then(() =>
        log(`dropped database ${databaseName}`),
      );
  }
}
