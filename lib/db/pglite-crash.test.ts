import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";

// A process that writes to an embedded database as fast as it can, until it is killed.
const writer = `
const { PGlite } = await import("@electric-sql/pglite");
const db = await PGlite.create(process.argv[1]);
await db.exec("CREATE TABLE IF NOT EXISTS t (n int primary key)");
for (let n = 0; ; n++) {
  await db.query("INSERT INTO t VALUES ($1)", [n]);
  if (n === 50) process.stdout.write("ready\\n");
}
`;

describe("embedded database after a hard kill", () => {
  it("opens again with every committed row and takes writes", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "crash-")), "pglite");
    const child = spawn(process.execPath, ["--input-type=module", "-e", writer, dir], { cwd: process.cwd() });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      child.on("exit", (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));

    const db = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      const rows = await db.withSession((session) =>
        session.query<{ count: number; max: number }>("SELECT count(*)::int AS count, max(n) AS max FROM t"),
      );
      const { count, max } = rows[0]!;
      expect(count).toBeGreaterThan(50);
      // Rows are committed one by one: whatever survived is a gap-free prefix.
      expect(max).toBe(count - 1);
      await db.withSession((session) => session.query("INSERT INTO t VALUES ($1)", [count]));
    } finally {
      await db.close();
    }
  }, 60_000);
});
