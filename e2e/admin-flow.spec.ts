import { readFileSync } from "node:fs";
import { type Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { apiV3Key, rsaKeyPair } from "../lib/admin/testing/key-material";
import {
  adminScreenshot,
  adminSession,
  json,
  packageIdByPrice,
  payOnSandboxPage,
  placeOrder,
  userSession,
  waitForOrderStatus,
  type ConfigView,
} from "./admin-helpers";

test.describe.configure({ mode: "serial" });

async function configs(page: Page): Promise<ConfigView[]> {
  return (await json<{ configs: ConfigView[] }>(await page.request.get("/api/admin/payment-configs"))).configs;
}

function configRow(page: Page, name: string) {
  return page.getByTestId("config-row").filter({ has: page.getByRole("link", { name, exact: true }) });
}

test("invalid config input gives field-level errors and saves nothing; a valid one is saved and edited", async ({
  browser,
}) => {
  const { context, page } = await adminSession(browser);
  const before = (await configs(page)).length;
  const merchant = rsaKeyPair();
  const wechatPay = rsaKeyPair();

  await page.goto("/admin/payment-configs/new?provider=WECHAT");
  await page.getByLabel("Name", { exact: true }).fill("E2E WeChat live");
  await page.getByLabel("App id (appid)").fill("wx0123456789abcdef");
  await page.getByLabel("Merchant id (mchid)").fill("1900000109");
  await page.getByLabel("Merchant API certificate serial number").fill("5F1C72E2A8931B72A2E13AF8DEE92471EB397115");
  await page
    .getByLabel("Merchant API private key (apiclient_key.pem)")
    .fill("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----");
  await page.getByLabel("APIv3 key").fill(apiV3Key().slice(1));
  await page.getByLabel("Public key id").fill("PUB_KEY_ID_0119000001092025010100000000000001");
  // The public key comes from a file, read into the field by the browser.
  await page
    .locator("input[type=file]")
    .nth(2)
    .setInputFiles({ name: "pub_key.pem", mimeType: "text/plain", buffer: Buffer.from(wechatPay.publicPem) });
  await expect(page.getByLabel("WeChat Pay public key (pub_key.pem)")).toHaveValue(wechatPay.publicPem);
  await page.getByRole("button", { name: "Create config" }).click();

  await expect(page.getByText("Nothing was saved. Fix the fields marked below.")).toBeVisible();
  await expect(page.getByLabel("Merchant API private key (apiclient_key.pem)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This is not a readable private key")).toBeVisible();
  await expect(page.getByLabel("APIv3 key")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The APIv3 key must be exactly 32 bytes")).toBeVisible();
  await adminScreenshot(page, "admin-config-form-errors-en");
  expect((await configs(page)).length).toBe(before);

  await page.getByLabel("Merchant API private key (apiclient_key.pem)").fill(merchant.privatePem);
  await page.getByLabel("APIv3 key").fill(apiV3Key());
  await page.getByRole("button", { name: "Create config" }).click();
  await expect(page.getByText("Config created.")).toBeVisible();
  await expect(page.getByLabel("Payment notify URL")).toHaveValue(/\/api\/notify\/wechat\/[0-9a-f-]{36}$/);
  expect((await configs(page)).length).toBe(before + 1);
  const created = (await configs(page)).find((config) => config.name === "E2E WeChat live")!;

  // Editing with the secret fields left empty keeps every secret.
  await page.getByLabel("Name", { exact: true }).fill("E2E WeChat live (renamed)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. Secrets you left empty were kept.")).toBeVisible();
  const renamed = (await configs(page)).find((config) => config.id === created.id)!;
  expect(renamed.name).toBe("E2E WeChat live (renamed)");
  expect(renamed.fingerprints).toEqual(created.fingerprints);
  await adminScreenshot(page, "admin-config-form-en");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "设置与密钥" })).toBeVisible();
  await adminScreenshot(page, "admin-config-form-zh");

  // Tidy up: a live config pointing at the real gateway has no place in the rest of the run.
  await context.clearCookies({ name: "NEXT_LOCALE" });
  await page.reload();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/admin\/payment-configs$/);
  expect((await configs(page)).some((config) => config.id === created.id)).toBe(false);
  await context.close();
});

test("sandbox configs, a paid order in transactions with its timeline, a partial refund, and a CSV export", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await adminSession(browser);
  const page = admin.page;

  // 1. A WeChat and an Alipay sandbox config, each made default, each tested.
  await page.goto("/admin/payment-configs");
  for (const [provider, label] of [
    ["WECHAT", "WeChat Pay"],
    ["ALIPAY", "Alipay"],
  ] as const) {
    const name = `E2E ${label} sandbox ${Date.now()}`;
    await page.getByLabel("Provider").selectOption(provider);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create sandbox config" }).click();
    await expect(page.getByText(`Created "${name}".`)).toBeVisible();
    const row = configRow(page, name);
    await expect(row.getByTestId("sandbox-tag")).toBeVisible();
    await row.getByRole("button", { name: "Make default" }).click();
    await expect(row.getByTestId("default-tag")).toBeVisible();
    await row.getByRole("button", { name: "Test connection" }).click();
    await expect(row.getByText(/Connection works: signed answer verified in \d+ ms\./)).toBeVisible();
    const stored = (await configs(page)).find((config) => config.name === name)!;
    expect(stored).toMatchObject({ provider, sandbox: true, isDefault: true, enabled: true });
    expect((await configs(page)).filter((config) => config.provider === provider && config.isDefault)).toHaveLength(1);
  }
  await adminScreenshot(page, "admin-configs-en");

  // 2. A user recharges through each new default config.
  const user = await userSession(browser);
  const packageId = await packageIdByPrice(page.request, 3_000);
  const orders: Record<string, string> = {};
  for (const provider of ["WECHAT", "ALIPAY"] as const) {
    const order = await placeOrder(user.page, packageId, provider);
    await payOnSandboxPage(user.context, order.payUrl!);
    await waitForOrderStatus(user.page, order.orderNo, "PAID");
    orders[provider] = order.orderNo;
  }

  // 3. The orders are in transactions, and the detail shows the whole story.
  await page.goto(`/admin/transactions?q=${encodeURIComponent(user.email)}`);
  await expect(page.getByTestId("transaction-row")).toHaveCount(2);
  await page.getByRole("link", { name: orders.WECHAT }).click();
  await expect(page.getByRole("heading", { name: "Order", level: 1 })).toBeVisible();
  const timeline = page.getByRole("list", { name: "What happened to this order, oldest first" });
  for (const text of ["Order created", "Payment code issued", "Paid and credited", "payment notify → CREDITED"]) {
    await expect(timeline.getByText(text, { exact: false }).first()).toBeVisible();
  }
  await expect(timeline.getByText("+330 credits (Recharge) → balance 330")).toBeVisible();
  await expect(timeline.getByTestId("timeline-providerCall").first()).toContainText("create_qr");

  // 4. A partial refund, confirmed after seeing what it does: ledger debit, status, and the
  // refund notify in the timeline. The amount starts empty, never the whole price.
  await expect(page.getByLabel("Amount (¥)")).toHaveValue("");
  await page.getByLabel("Amount (¥)").fill("10.00");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByText("Give a reason (at least 2 characters).")).toBeVisible();
  await page.getByLabel("Reason (required)").fill("E2E partial refund");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("Refund ¥10.00 to the payer and take back 110 credits from the user?");
  await confirm.getByRole("button", { name: "Yes, refund ¥10.00" }).click();
  await expect(page.getByText(/Refund F\w+: ¥10\.00, 110 credits taken back — SUCCESS\./)).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Partly refunded");
  await expect(timeline.getByText("-110 credits (Refund) → balance 550")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(timeline.getByText(/refund notify → REFUND_/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await adminScreenshot(page, "admin-order-detail-en");

  // 5. CSV export of a filter: exactly the orders the filtered list shows.
  await page.goto("/admin/transactions");
  await page.getByLabel("Search").fill(user.email);
  await page.getByLabel("Provider").selectOption("WECHAT");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("transaction-row")).toHaveCount(1);
  await adminScreenshot(page, "admin-transactions-en");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^transactions-\d{8}-\d{6}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trimEnd().split("\n");
  expect(header).toContain("order_no,created_at,user_email");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(orders.WECHAT);
  expect(lines[0]).toContain(",30.00,30.00,10.00,330,");
  expect(lines[0]).toContain("PARTIALLY_REFUNDED");

  // The list API with the same filters agrees with the export.
  const listed = await json<{ orders: { orderNo: string }[] }>(
    await page.request.get(`/api/admin/transactions?q=${encodeURIComponent(user.email)}&provider=WECHAT&pageSize=100`),
  );
  expect(listed.orders.map((order) => order.orderNo)).toEqual([orders.WECHAT]);

  // 6. Every one of these actions is in the audit log.
  const audit = await json<{ entries: { action: string }[] }>(await page.request.get("/api/admin/audit?pageSize=100"));
  const actions = new Set(audit.entries.map((entry) => entry.action));
  for (const action of [
    "payment_config.create",
    "payment_config.update",
    "payment_config.delete",
    "payment_config.create_sandbox",
    "payment_config.set_default",
    "payment_config.test_connection",
    "order.refund",
    "transactions.export",
  ]) {
    expect(actions, action).toContain(action);
  }

  // 7. The dashboard reports the sandbox payments apart: simulated money is never revenue.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText(/not counted: ¥[\d,.]+ of sandbox \(simulated\) payments/)).toBeVisible();
  await adminScreenshot(page, "admin-dashboard-en");

  // Chinese versions of the same pages.
  await admin.context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();
  await expect(page.getByText(/未计入：沙箱（模拟）支付 ¥[\d,.]+/)).toBeVisible();
  await adminScreenshot(page, "admin-dashboard-zh");
  await page.goto(`/admin/transactions?q=${encodeURIComponent(user.email)}`);
  await adminScreenshot(page, "admin-transactions-zh");
  await page.goto(`/admin/transactions/${orders.WECHAT}`);
  await expect(page.getByTestId("order-status")).toHaveText("部分退款");
  await adminScreenshot(page, "admin-order-detail-zh");

  await admin.context.close();
  await user.context.close();
});

test("packages: a price change leaves the existing order alone; users: a double-submitted adjustment counts once", async ({
  browser,
}) => {
  const admin = await adminSession(browser);
  const page = admin.page;
  const user = await userSession(browser);
  const packageId = await packageIdByPrice(page.request, 600);
  const order = await placeOrder(user.page, packageId, "ALIPAY");

  await page.goto(`/admin/packages/${packageId}`);
  await page.getByLabel("Price (¥)").fill("6.66");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/admin\/packages$/);
  await expect(page.getByTestId("package-row").filter({ hasText: "¥6.66" })).toBeVisible();
  await adminScreenshot(page, "admin-packages-en");
  const detail = await json<{ order: { priceFen: number; credits: number } }>(
    await page.request.get(`/api/admin/transactions/${order.orderNo}`),
  );
  expect(detail.order).toMatchObject({ priceFen: 600, credits: 60 });
  // Put it back for the other tests.
  await page.goto(`/admin/packages/${packageId}`);
  await page.getByLabel("Price (¥)").fill("6.00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/admin\/packages$/);

  const { users } = await json<{ users: { id: string }[] }>(
    await page.request.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`),
  );
  await page.goto(`/admin/users/${users[0]!.id}`);
  await page.getByLabel("Credits (+ adds, − takes away)").fill("25");
  await page.getByLabel("Reason (required)").fill("E2E goodwill");
  // Two clicks as fast as a double click: one adjustment.
  await page.getByRole("button", { name: "Adjust" }).dblclick();
  await expect(page.getByText("Adjusted by +25. New balance: 25.")).toBeVisible();
  await expect(page.getByTestId("user-balance")).toHaveText("25");
  await expect(page.getByTestId("ledger-row")).toHaveCount(1);

  await page.getByLabel("Credits (+ adds, − takes away)").fill("-30");
  await page.getByLabel("Reason (required)").fill("E2E too much");
  await page.getByRole("button", { name: "Adjust" }).click();
  await expect(page.getByText(/balance cannot cover this/)).toBeVisible();
  await page.getByLabel("Allow negative balance").check();
  await page.getByRole("button", { name: "Adjust" }).click();
  await expect(page.getByText("Adjusted by -30. New balance: -5.")).toBeVisible();
  await expect(page.getByTestId("user-balance")).toHaveText("-5");
  await adminScreenshot(page, "admin-user-en");

  await page.goto(`/admin/audit?action=user.adjust_balance`);
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
  await adminScreenshot(page, "admin-audit-en");

  // On a phone the console stays within the screen; wide tables scroll inside their own box.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of [
    "/admin",
    "/admin/transactions",
    `/admin/transactions/${order.orderNo}`,
    "/admin/payment-configs",
  ]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
  await adminScreenshot(page, "admin-configs-phone-en");
  await admin.context.close();
  await user.context.close();
});
