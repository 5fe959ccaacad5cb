import { closeDatabase, getDatabase } from "@/lib/db";
import { migrate, withStartupLock } from "@/lib/db/migrate";
import { env, EnvError } from "@/lib/env";
import type { RunningJob } from "@/lib/jobs/runner";
import { startJob } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { checkStoredSecrets, StoredSecretsError } from "@/lib/payment-configs/check-stored-secrets";
import { expireDueOrders, reconcileOrders } from "@/lib/recharge/sweep-orders";
import { reconcileRefunds } from "@/lib/refunds/sweep-refunds";
import { expireDueLots } from "@/lib/wallet/expire-due-lots";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { provisionSandboxConfigs } from "@/lib/sandbox/provision";
import { ensureAdmin } from "@/lib/seed/admin";
import { seedPackages } from "@/lib/seed/packages";

/** Everything a fresh or existing install needs before it serves: settings, schema, seed data. */
export async function prepareApp(): Promise<void> {
  const settings = env();
  // next-auth reads its public URL from the environment; default it to ours.
  process.env.NEXTAUTH_URL ??= settings.APP_URL;
  const db = await getDatabase();
  await withStartupLock(db, async () => {
    const applied = await migrate(db);
    if (applied.length) logger.info("applied migrations", { migrations: applied });
    await checkStoredSecrets();
    const created = await seedPackages(db.prisma);
    if (created) logger.info("seeded credit packages", { count: created });
    if (settings.ADMIN_EMAIL && settings.ADMIN_PASSWORD) {
      const outcome = await ensureAdmin(db.prisma, settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD);
      if (outcome !== "unchanged") logger.info(`admin account ${outcome}`, { email: settings.ADMIN_EMAIL });
    }
    if (settings.SANDBOX_ENABLED) {
      const sandboxConfigs = await provisionSandboxConfigs();
      if (sandboxConfigs.length) logger.info("created sandbox payment configs", { configs: sandboxConfigs });
    }
  });
  logger.info("database ready", {
    database: db.target.kind === "postgres" ? "postgresql" : `embedded (${db.target.dataDir ?? "memory"})`,
    sandbox: settings.SANDBOX_ENABLED,
  });
}

/** Background work of this instance; every job is safe to run on several instances at once. */
function startJobs(): RunningJob[] {
  const settings = env();
  const jobs: RunningJob[] = [
    startJob("expire-orders", 5_000, () => expireDueOrders()),
    startJob("reconcile-orders", 5_000, () => reconcileOrders()),
    startJob("reconcile-refunds", 10_000, () => reconcileRefunds()),
    startJob("expire-credit-lots", 30_000, () => expireDueLots()),
  ];
  if (settings.SANDBOX_ENABLED) {
    jobs.push(
      startJob("sandbox-notifies", Math.max(50, 1_000 / settings.SANDBOX_TIME_SCALE), () =>
        dispatchDueNotifies({ timeScale: settings.SANDBOX_TIME_SCALE }),
      ),
    );
  }
  return jobs;
}

let shuttingDown = false;

async function shutdown(signal: string, jobs: RunningJob[]) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info("shutting down", { signal });
  try {
    await Promise.all(jobs.map((job) => job.stop()));
    await closeDatabase();
  } catch (error) {
    logger.error("error while shutting down", { error });
  }
  process.exit(0);
}

/** Called once per server process from instrumentation. Refuses to start on bad settings. */
export async function startApp(): Promise<void> {
  try {
    await prepareApp();
  } catch (error) {
    if (error instanceof EnvError || error instanceof StoredSecretsError) {
      process.stderr.write(`\n${error.message}\n\nSee README.md, "Settings".\n\n`);
    } else {
      logger.error("start-up failed", { error });
    }
    process.exit(1);
  }
  const jobs = startJobs();
  // Next.js leaves signals to us (NEXT_MANUAL_SIG_HANDLE), so jobs stop and the embedded
  // database is closed cleanly before the process ends.
  process.once("SIGTERM", () => void shutdown("SIGTERM", jobs));
  process.once("SIGINT", () => void shutdown("SIGINT", jobs));
}
