import { Prisma } from "@prisma/client";
import { getDatabase } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";
import { isDraining } from "./draining";

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "shutting_down" | "database_unavailable" | "migrations_pending"; pending?: string[] };

const TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS).unref()),
  ]);
}

/** Ready to serve: not shutting down, the database answers, and every migration of this build is applied. */
export async function checkReady(): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "shutting_down" };
  let applied: Set<string>;
  try {
    const db = await withTimeout(getDatabase());
    const rows = await withTimeout(
      db.query<{ name: string }>(
        Prisma.sql`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
    );
    applied = new Set(rows.map((row) => row.name));
  } catch {
    return { ready: false, reason: "database_unavailable" };
  }
  const pending = (await readMigrations()).map((migration) => migration.name).filter((name) => !applied.has(name));
  return pending.length ? { ready: false, reason: "migrations_pending", pending } : { ready: true };
}
