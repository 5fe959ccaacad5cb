import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { schemaSnapshot } from "@/lib/db/schema-snapshot";
import { openEmptyDatabase } from "@/lib/testing/test-database";

// What prisma/schema.prisma describes, as SQL, computed by Prisma's own (WASM) schema engine.
function schemaSql(): string {
  return execFileSync(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

describe("migrations", () => {
  it("produce exactly the schema that prisma/schema.prisma describes (no drift)", async () => {
    const migrated = await getDatabase();
    const expected = await openEmptyDatabase();
    try {
      await expected.db.withSession((session) => session.exec(schemaSql()));
      const fromMigrations = await migrated.withSession(schemaSnapshot);
      const fromSchema = await expected.db.withSession(schemaSnapshot);
      expect(fromMigrations.length).toBeGreaterThan(20);
      expect(fromMigrations).toEqual(fromSchema);
    } finally {
      await expected.dispose();
    }
  }, 60_000);

  it("is a no-op when everything has been applied", async () => {
    expect(await migrate(await getDatabase())).toEqual([]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    cpSync(path.join("prisma", "migrations"), dir, { recursive: true });
    const [first] = execFileSync("ls", [dir], { encoding: "utf8" })
      .split("\n")
      .filter((name) => /^\d/.test(name));
    writeFileSync(path.join(dir, first!, "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(migrate(await getDatabase(), dir)).rejects.toBeInstanceOf(MigrationError);
  });

  it("applies a new migration once, and rolls back a failing one completely", async () => {
    const db = await getDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    cpSync(path.join("prisma", "migrations"), dir, { recursive: true });
    execFileSync("mkdir", [path.join(dir, "29990101000000_extra")]);
    writeFileSync(path.join(dir, "29990101000000_extra", "migration.sql"), 'CREATE TABLE "Extra" (id INT);');
    expect(await migrate(db, dir)).toEqual(["29990101000000_extra"]);
    expect(await migrate(db, dir)).toEqual([]);

    execFileSync("mkdir", [path.join(dir, "29990102000000_broken")]);
    writeFileSync(
      path.join(dir, "29990102000000_broken", "migration.sql"),
      'CREATE TABLE "Half" (id INT);\nSELECT no_such_function();',
    );
    await expect(migrate(db, dir)).rejects.toBeInstanceOf(MigrationError);
    const half = await db.withSession((session) =>
      session.query<{ exists: boolean }>(`SELECT to_regclass('"Half"') IS NOT NULL AS exists`),
    );
    expect(half[0]?.exists).toBe(false);
    await db.withSession((session) => session.exec('DROP TABLE "Extra"'));
  });
});
