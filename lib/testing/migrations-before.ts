import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A folder with the committed migrations that came before the one whose name ends with
 * `suffix`: a test migrates a database that far, fills it with old-style data, then runs the rest.
 */
export function migrationsBefore(suffix: string): string {
  const all = readdirSync(path.join("prisma", "migrations"));
  const target = all.find((name) => name.endsWith(suffix));
  if (!target) throw new Error(`no migration ends with ${suffix}`);
  const dir = mkdtempSync(path.join(tmpdir(), `migrations-before${suffix}-`));
  for (const name of all) {
    if (name.endsWith(".toml") || name < target) {
      cpSync(path.join("prisma", "migrations", name), path.join(dir, name), { recursive: true });
    }
  }
  return dir;
}
