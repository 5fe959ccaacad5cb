import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Pool } from "pg";
import { PrismaClient, type Prisma } from "@prisma/client";
import { acquireDirectoryLock, type DirectoryLock } from "@/lib/db/directory-lock";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

/** One connection of the raw driver, for what Prisma cannot do (multi-statement scripts, session locks). */
export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** One open database: the Prisma client plus the raw driver. */
export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: PrismaClient;
  /**
   * One statement straight to the driver, for the hottest paths: Prisma 6.19 runs even a raw
   * query through its WebAssembly compiler and serializers (~0.4 ms of event loop each). Rows
   * come back as the driver parses them, so select booleans, integers and text, not timestamps.
   */
  query<Row>(statement: Prisma.Sql): Promise<Row[]>;
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Dates go as UTC text: node-postgres would send local time with an offset, which a cast to
 * `timestamp` (without time zone, as Prisma stores them) would silently drop.
 */
function driverValues(statement: Prisma.Sql): unknown[] {
  return statement.values.map((value) => (value instanceof Date ? value.toISOString() : value));
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target) : openPglite(target);
}

function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Database {
  const pool = new Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5_000 });
  // A dropped connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    target,
    prisma,
    async query<Row>(statement: Prisma.Sql) {
      const result = await pool.query({ text: statement.text, values: driverValues(statement) });
      return result.rows as Row[];
    },
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          async exec(sql) {
            await client.query(sql);
          },
          async query<Row>(sql: string, params: unknown[] = []) {
            const result = await client.query(sql, params);
            return result.rows as Row[];
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  let lock: DirectoryLock | undefined;
  if (target.dataDir) lock = acquireDirectoryLock(target.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(target.dataDir ?? undefined);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    target,
    prisma,
    async query<Row>(statement: Prisma.Sql) {
      return (await pglite.query<Row>(statement.text, driverValues(statement))).rows;
    },
    withSession(work) {
      return work({
        async exec(sql) {
          await pglite.exec(sql);
        },
        async query<Row>(sql: string, params: unknown[] = []) {
          const result = await pglite.query<Row>(sql, params);
          return result.rows;
        },
      });
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      lock?.release();
    },
  };
}
