import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The CLI uses the WASM schema engine through a driver adapter, so `generate`, `migrate diff`
// and `migrate deploy` never download a native engine (see README, "Why Prisma 6.19").
// The app applies migrations itself at start-up; the CLI is for authoring and checking them.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) return new PrismaPg({ connectionString: url });
    // An in-memory database unless PGLITE_DIR names one: the CLI must never open the
    // folder of a running app.
    return new PrismaPGlite(new PGlite(process.env.PGLITE_DIR));
  },
});
