import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2eAdmin } from "./e2e/accounts";
import { e2eServers } from "./e2e/helpers";

// Debian's Chromium, never a downloaded browser build (see README, "Tests").
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"],
};

/** A production build on a fresh embedded database, serving `url`. */
function server(url: string, extraEnv: Record<string, string> = {}) {
  const { port } = new URL(url);
  return {
    // As `npm start` serves: our server (client address from the socket, 65 s keep-alive).
    command: `node scripts/server.mjs -p ${port} -H 127.0.0.1`,
    url: `${url}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "recharge-e2e-")),
      ADMIN_EMAIL: e2eAdmin.email,
      ADMIN_PASSWORD: e2eAdmin.password,
      NEXTAUTH_URL: url,
      // Payment codes (the sandbox's phone pages) and H5 return pages must point at this server.
      APP_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      // Every spec signs up its own users from the same address.
      SIGNUP_LIMIT_PER_HOUR: "1000",
      ...extraEnv,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  // One worker per server: the main server's specs run one after another (they share its
  // data, e.g. an admin test edits a package for a moment), while the expiry spec's minute
  // of waiting runs next to them on its own server.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: e2eServers.main,
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /recharge-expiry\.spec\.ts/,
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "short-ttl",
      testMatch: /recharge-expiry\.spec\.ts/,
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
  ],
  webServer: [
    server(e2eServers.main),
    // Only the expiry spec uses this one: its payment codes expire after the shortest TTL.
    server(e2eServers.shortTtl, { ORDER_TTL_MINUTES: "1" }),
  ],
});
