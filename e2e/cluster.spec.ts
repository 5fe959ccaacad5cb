/**
 * Two production servers (`next start`) on one PostgreSQL, as several instances run behind a
 * load balancer: a session made on A works on B, a payment whose notify reaches B shows live on
 * A's order page (PostgreSQL LISTEN/NOTIFY), and jobs both instances run do each piece of work
 * once (the sandbox's notify sender, the bill reconciliation of a day).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { expect, test } from "./csp-guard";
import { e2eAdmin } from "./accounts";
import { payOnPhone, signIn, signUp, uniqueEmail } from "./helpers";

const basePort = Number(process.env.E2E_CLUSTER_PORT ?? "3310");
const a = `http://127.0.0.1:${basePort}`;
const b = `http://127.0.0.1:${basePort + 1}`;
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const database = `e2e_cluster_${randomBytes(6).toString("hex")}`;
const databaseUrl = Object.assign(new URL(postgresUrl), { pathname: `/${database}` }).toString();

async function onPostgres<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function startInstance(url: string): ChildProcess {
  const { port } = new URL(url);
  const child = spawn("node_modules/.bin/next", ["start", "-p", port, "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "recharge-cluster-")),
      // What every instance must share.
      NEXTAUTH_SECRET: "cluster-test-secret-0123456789abcdef0123456789",
      APP_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
      NEXTAUTH_URL: a,
      // Providers (the sandbox) send notifies to B; the user watches on A.
      APP_URL: b,
      SANDBOX_ENABLED: "true",
      SANDBOX_TIME_SCALE: "100",
      ADMIN_EMAIL: e2eAdmin.email,
      ADMIN_PASSWORD: e2eAdmin.password,
      NEXT_MANUAL_SIG_HANDLE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      SHUTDOWN_GRACE_MS: "0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${port}] ${chunk.toString()}`));
  return child;
}

async function waitReady(url: string) {
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${url}/api/ready`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(200);
}

const instances: ChildProcess[] = [];
let postgresAnswers = true;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  try {
    await onPostgres(postgresUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  } catch (error) {
    // Like the PostgreSQL integration tests: skipped loudly without a server, never under CI.
    if (process.env.CI === "true") throw error;
    postgresAnswers = false;
    return;
  }
  // Both at once: migrations and seeding take turns under the start-up lock.
  instances.push(startInstance(a), startInstance(b));
  await Promise.all([waitReady(a), waitReady(b)]);
});

test.afterAll(async () => {
  await Promise.all(
    instances.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  if (postgresAnswers) {
    await onPostgres(postgresUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
});

test("a session from A works on B; a notify on B shows live on A; each job's work is done once", async ({
  browser,
}) => {
  test.skip(!postgresAnswers, `no PostgreSQL at ${postgresUrl}`);
  const context = await browser.newContext({ baseURL: a, locale: "en-US" });
  const page = await context.newPage();
  const email = uniqueEmail("cluster");
  await signUp(page, email, "cluster1234");
  // Same host, other port: the browser sends A's session cookie to B, and B accepts it.
  const me = await page.request.get(`${b}/api/me`);
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { email } });

  await page.goto(`${a}/recharge`);
  await page.getByRole("radio", { name: /Standard/ }).check();
  await page.getByRole("radio", { name: "WeChat Pay" }).check();
  await page.getByRole("button", { name: "Pay ¥30.00" }).click();
  await expect(page).toHaveURL(/\/orders\/R\d{8}[A-Z2-9]{20}$/);
  const orderNo = page.url().split("/").at(-1)!;
  const order = (await (await page.request.get(`${a}/api/orders/${orderNo}`)).json()) as { order: { payUrl: string } };
  expect(order.order.payUrl.startsWith(`${b}/sandbox/pay/`)).toBe(true);
  await payOnPhone(browser, order.order.payUrl);
  // A's live page learns of the payment B settled.
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible({ timeout: 30_000 });

  // Both instances run the sandbox's notify sender and the order sweeps: one delivery, one credit.
  await onPostgres(databaseUrl, async (client) => {
    const callbacks = await client.query(`SELECT outcome FROM "PaymentCallback" WHERE "orderNo" = $1`, [orderNo]);
    expect(callbacks.rows).toEqual([{ outcome: "CREDITED" }]);
    const credits = await client.query(`SELECT count(*)::int AS n FROM "LedgerEntry" WHERE "idempotencyKey" = $1`, [
      `recharge:${orderNo}`,
    ]);
    expect(credits.rows[0]).toEqual({ n: 1 });
  });

  // The same day reconciled from both instances at once: one run does it, the other is turned away or finds it done.
  const admin = await browser.newContext({ baseURL: a, locale: "en-US" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, e2eAdmin.email, e2eAdmin.password);
  await expect(adminPage.getByRole("button", { name: "Sign out" })).toBeVisible();
  const { configs } = (await (await adminPage.request.get(`${a}/api/admin/payment-configs`)).json()) as {
    configs: { id: string; provider: string }[];
  };
  const wechat = configs.find((config) => config.provider === "WECHAT")!;
  const billDate = new Date(Date.now() + 8 * 3_600_000 - 24 * 3_600_000).toISOString().slice(0, 10);
  const runs = await Promise.all(
    [a, b, a, b].map((url) =>
      adminPage.request.post(`${url}/api/admin/reconciliation/run`, {
        data: { configId: wechat.id, billDate },
        headers: { origin: url },
      }),
    ),
  );
  const statuses = runs.map((run) => run.status());
  expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
  expect(statuses).toContain(200);
  await onPostgres(databaseUrl, async (client) => {
    const rows = await client.query(
      `SELECT status, attempts FROM "ReconciliationRun" WHERE "configId" = $1 AND "billDate" = $2`,
      [wechat.id, billDate],
    );
    expect(rows.rows).toHaveLength(1);
    // Before 10:00 Beijing time an empty WeChat day may still be "not ready": either way, one row.
    expect(["DONE", "NOT_READY"]).toContain(rows.rows[0].status);
    // Every claim that got through is one attempt; turned-away requests did nothing.
    expect(rows.rows[0].attempts).toBe(statuses.filter((status) => status === 200).length);
  });
  await admin.close();
  await context.close();
});
