import { closeDatabase, getDatabase } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { env, EnvError } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { ensureAdmin } from "@/lib/seed/admin";
import { seedPackages } from "@/lib/seed/packages";

/** Everything a fresh or existing install needs before it serves: settings, schema, seed data. */
export async function prepareApp(): Promise<void> {
  const settings = env();
  const db = await getDatabase();
  const applied = await migrate(db);
  if (applied.length) logger.info("applied migrations", { migrations: applied });
  const created = await seedPackages(db.prisma);
  if (created) logger.info("seeded credit packages", { count: created });
  if (settings.ADMIN_EMAIL && settings.ADMIN_PASSWORD) {
    const outcome = await ensureAdmin(db.prisma, settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD);
    if (outcome !== "unchanged") logger.info(`admin account ${outcome}`, { email: settings.ADMIN_EMAIL });
  }
  logger.info("database ready", {
    database: db.target.kind === "postgres" ? "postgresql" : `embedded (${db.target.dataDir ?? "memory"})`,
  });
}

let shuttingDown = false;

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info("shutting down", { signal });
  try {
    await closeDatabase();
  } catch (error) {
    logger.error("error while closing the database", { error });
  }
  process.exit(0);
}

/** Called once per server process from instrumentation. Refuses to start on bad settings. */
export async function startApp(): Promise<void> {
  try {
    await prepareApp();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`\n${error.message}\n\nSee README.md, "Settings".\n\n`);
    } else {
      logger.error("start-up failed", { error });
    }
    process.exit(1);
  }
  // Next.js leaves signals to us (NEXT_MANUAL_SIG_HANDLE), so the embedded database is
  // closed cleanly before the process ends.
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
