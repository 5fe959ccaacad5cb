import { createTemplateDatabase, dropDatabase, postgresAnswers, testPostgresUrl } from "@/lib/testing/test-database";

/** Vitest global setup for the PostgreSQL project: one migrated template per run. */
export default async function setup() {
  if (!(await postgresAnswers())) {
    throw new Error(
      `\n\n*** PostgreSQL does not answer at ${testPostgresUrl}. ***\n` +
        "Integration tests need it. Start it (pg_ctlcluster <version> main start) or set TEST_POSTGRES_URL.\n\n",
    );
  }
  const template = `recharge_test_${Date.now()}_${process.pid}`;
  await createTemplateDatabase(template);
  process.env.TEST_POSTGRES_TEMPLATE = template;
  return async () => {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: testPostgresUrl });
    await client.connect();
    const copies = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${template}%`,
    ]);
    await client.end();
    for (const { datname } of copies.rows) await dropDatabase(datname);
  };
}
