import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
// Local secrets the code under test generates go to a throw-away folder.
const dataDir = mkdtempSync(path.join(tmpdir(), "recharge-test-"));
const integrationFiles = ["lib/**/*.int.test.ts", "app/**/*.int.test.ts"];

function integrationProject(kind: "embedded" | "postgres") {
  return {
    resolve: { alias },
    test: {
      name: `integration-${kind}`,
      include: integrationFiles,
      environment: "node",
      setupFiles: ["lib/testing/setup-database.ts"],
      globalSetup: kind === "postgres" ? ["lib/testing/postgres-global-setup.ts"] : [],
      env: { NODE_ENV: "test", TEST_DATABASE: kind, DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.rel.test.ts", "node_modules/**"],
          environment: "node",
          env: { NODE_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
        },
      },
      integrationProject("embedded"),
      integrationProject("postgres"),
      {
        // Fault-injection scenarios on real PostgreSQL; each scenario manages its own
        // database and processes and checks the ledger invariants itself.
        resolve: { alias },
        test: {
          name: "reliability",
          include: ["lib/reliability/**/*.rel.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/postgres-global-setup.ts"],
          env: { NODE_ENV: "test", TEST_DATABASE: "postgres", DATA_DIR: dataDir, LOG_LEVEL: "error" },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
