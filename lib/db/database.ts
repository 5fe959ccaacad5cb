import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Pool, types as pgDriverTypes, type CustomTypesConfig } from "pg";
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
   * come back as Prisma's raw queries return them for this schema's column types (text, enums,
   * int4, booleans, JSON, timestamps as UTC); bigint and numeric columns would differ by driver.
   * A `name` makes it a prepared statement on PostgreSQL: parsed and planned once per connection
   * (the statement's text must then never change under that name, and its result columns must
   * not follow the table's: no `SELECT *`, which a migration elsewhere would break).
   */
  query<Row>(statement: Prisma.Sql, options?: { name?: string }): Promise<Row[]>;
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Prisma stores DateTime as `timestamp` (without time zone) holding UTC. Both drivers would
 * read and write those in the process's local time zone; these keep them UTC, as Prisma does.
 */
function driverValues(statement: Prisma.Sql): unknown[] {
  return statement.values.map((value) => (value instanceof Date ? value.toISOString() : value));
}

const timestampOid = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const pgTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === timestampOid
      ? parseUtcTimestamp
      : pgDriverTypes.getTypeParser(oid, format)) as CustomTypesConfig["getTypeParser"],
};

// A burst of movements on one wallet queues for a pooled connection (up to the pool's 10 s) and
// then for the wallet's row lock; Prisma's defaults (2 s to start, 5 s in all) would fail the
// end of such a queue.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target) : openPglite(target);
}

function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Database {
  const pool = new Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 10_000 });
  // A dropped connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
  return {
    target,
    prisma,
    async query<Row>(statement: Prisma.Sql, options: { name?: string } = {}) {
      const result = await pool.query({
        name: options.name,
        text: statement.text,
        values: driverValues(statement),
        types: pgTypes,
      });
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
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions });
  return {
    target,
    prisma,
    async query<Row>(statement: Prisma.Sql) {
      const parsers = { [timestampOid]: parseUtcTimestamp };
      return (await pglite.query<Row>(statement.text, driverValues(statement), { parsers })).rows;
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
