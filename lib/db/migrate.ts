import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database, SqlSession } from "@/lib/db/database";

export const defaultMigrationsDir = path.join(process.cwd(), "prisma", "migrations");

// Prisma Migrate's own bookkeeping table, so `prisma migrate status` agrees with what ran here.
const bookkeepingTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

// Any constant works; it only has to be the same for every instance of this app.
const startupLockKey = 727_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  // Read at run time from the checkout, not traced into the build.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "MigrationError";
  }
}

async function applyPending(session: SqlSession, migrations: Migration[]): Promise<string[]> {
  await session.exec(bookkeepingTable);
  const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  const ran: string[] = [];
  for (const migration of migrations) {
    const previous = applied.get(migration.name);
    if (previous) {
      if (!previous.finished_at)
        throw new MigrationError(`Migration ${migration.name} failed earlier; repair it by hand`);
      if (previous.checksum !== migration.checksum) {
        throw new MigrationError(`Migration ${migration.name} was edited after it was applied`);
      }
      continue;
    }
    // Each migration and its bookkeeping row commit together, or not at all.
    await session.exec("BEGIN");
    try {
      await session.exec(migration.sql);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await session.exec("COMMIT");
    } catch (error) {
      await session.exec("ROLLBACK");
      throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
    ran.push(migration.name);
  }
  return ran;
}

/**
 * Runs `work` while holding the start-up lock: on PostgreSQL a session advisory lock, so
 * instances starting together migrate and seed one after another. PGlite has one process.
 */
export async function withStartupLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  return db.withSession(async (session) => {
    if (db.target.kind !== "postgres") return work();
    await session.query("SELECT pg_advisory_lock($1)", [startupLockKey]);
    try {
      return await work();
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [startupLockKey]);
    }
  });
}

/** Applies the committed migrations that have not run yet and returns their names. */
export async function migrate(db: Database, dir = defaultMigrationsDir): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return db.withSession((session) => applyPending(session, migrations));
}
