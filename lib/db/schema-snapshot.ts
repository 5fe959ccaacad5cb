import type { SqlSession } from "@/lib/db/database";

/**
 * A comparable description of the public schema (tables, columns, constraints, indexes,
 * enums), without Prisma's bookkeeping table. Two databases with equal snapshots have the
 * same schema.
 */
export async function schemaSnapshot(session: SqlSession): Promise<string[]> {
  const excluded = "_prisma_migrations";
  const columns = await session.query<{ line: string }>(
    `SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name,
                   CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END,
                   is_nullable, coalesce(column_default, '-')) AS line
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1`,
    [excluded],
  );
  const constraints = await session.query<{ line: string }>(
    `SELECT format('constraint %s %s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS line
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> $1
       -- CHECK constraints are written by hand in migrations: Prisma's schema cannot describe them.
       AND c.contype <> 'c'`,
    [excluded],
  );
  const indexes = await session.query<{ line: string }>(
    `SELECT format('index %s', indexdef) AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1`,
    [excluded],
  );
  const enums = await session.query<{ line: string }>(
    `SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS line
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  return [...columns, ...constraints, ...indexes, ...enums].map((row) => row.line).sort();
}
