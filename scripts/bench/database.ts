/** The bench's own PostgreSQL database: created fresh per run, dropped at the end. */
import { Client } from "pg";

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of `name` on the same server as the admin URL. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createBenchDatabase(adminUrl: string, name: string): Promise<string> {
  // Only names we made ourselves reach the SQL text (identifiers cannot be bound parameters).
  if (!/^recharge_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing database name ${name}`);
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(adminUrl, name);
}

export async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^recharge_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing database name ${name}`);
  // WITH (FORCE) ends sessions a killed server may have left behind (PostgreSQL 13+).
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface DatabaseCounters {
  commits: number;
  rollbacks: number;
  inserted: number;
  updated: number;
  returned: number;
  fetched: number;
}

/** Cumulative work counters of one database (pg_stat_database), to attribute work per request. */
export async function readCounters(url: string): Promise<DatabaseCounters> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    // Statistics are cached per transaction; clear the snapshot so two reads see two moments.
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<Record<keyof DatabaseCounters, string>>(
      `SELECT xact_commit AS commits, xact_rollback AS rollbacks, tup_inserted AS inserted,
              tup_updated AS updated, tup_returned AS returned, tup_fetched AS fetched
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0];
    if (!row) throw new Error("no pg_stat_database row for the bench database");
    return {
      commits: Number(row.commits),
      rollbacks: Number(row.rollbacks),
      inserted: Number(row.inserted),
      updated: Number(row.updated),
      returned: Number(row.returned),
      fetched: Number(row.fetched),
    };
  } finally {
    await client.end();
  }
}
