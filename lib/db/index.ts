import path from "node:path";
import { env, type Env } from "@/lib/env";
import { openDatabase, type Database, type DatabaseTarget } from "@/lib/db/database";
import type { PrismaClient } from "@prisma/client";

// Every bundle Next.js builds (instrumentation, each route) shares this process's handle:
// PGlite must never be opened twice, and a Pool per bundle would waste connections.
const slot = Symbol.for("recharge-app.database");
type Slot = { [slot]?: Promise<Database> };
const holder = globalThis as Slot;

export function databaseTarget(settings: Env): DatabaseTarget {
  if (settings.DATABASE_URL) return { kind: "postgres", url: settings.DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(settings.DATA_DIR, "pglite") };
}

export function getDatabase(): Promise<Database> {
  holder[slot] ??= openDatabase(databaseTarget(env())).catch((error: unknown) => {
    holder[slot] = undefined;
    throw error;
  });
  return holder[slot];
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Makes `db` this process's database (tests open their own). */
export function installDatabase(db: Database): void {
  holder[slot] = Promise.resolve(db);
}

export async function closeDatabase(): Promise<void> {
  const pending = holder[slot];
  holder[slot] = undefined;
  if (pending) await (await pending).close();
}
