import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";

export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type TestDatabaseKind = "embedded" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "embedded";
}

function urlFor(database: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresAnswers(): Promise<boolean> {
  try {
    await admin((client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

/** A migrated template database; each test file copies it (much faster than migrating again). */
export async function createTemplateDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const db = await openDatabase({ kind: "postgres", url: urlFor(name) });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface TestDatabase {
  db: Database;
  /** A URL other processes (a server under test) can use; null for the in-memory database. */
  url: string | null;
  dispose(): Promise<void>;
}

/** A fresh database with nothing in it, not even migrations. */
export async function openEmptyDatabase(kind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === "embedded") {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    return { db, url: null, dispose: () => db.close() };
  }
  const name = `recharge_empty_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = urlFor(name);
  const db = await openDatabase({ kind: "postgres", url });
  return {
    db,
    url,
    async dispose() {
      await db.close();
      await dropDatabase(name);
    },
  };
}

/** A fresh, migrated database for one test file: in-memory PGlite, or a copy of the Postgres template. */
export async function openTestDatabase(kind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === "embedded") {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    await migrate(db);
    return { db, url: null, dispose: () => db.close() };
  }
  const template = process.env.TEST_POSTGRES_TEMPLATE;
  if (!template) throw new Error("TEST_POSTGRES_TEMPLATE is not set: run through the integration-postgres project");
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = urlFor(name);
  const db = await openDatabase({ kind: "postgres", url });
  return {
    db,
    url,
    async dispose() {
      await db.close();
      await dropDatabase(name);
    },
  };
}
