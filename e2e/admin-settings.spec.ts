import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import {
  adminScreenshot,
  adminSession,
  packageIdByPrice,
  payOnSandboxPage,
  placeOrder,
  userSession,
  waitForOrderStatus,
} from "./admin-helpers";

test.describe.configure({ mode: "serial" });

/** What the console shows for an instant in `timeZone`: the Time component's date and time (en). */
function consoleTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const date = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
  const time = new Intl.DateTimeFormat("en", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(instant);
  return `${date} ${time}`;
}

async function newestZoneChange(page: Page) {
  await page.goto("/admin/audit?action=display_settings.time_zone");
  const row = page.getByTestId("audit-row").first();
  const time = row.locator("time");
  return { row, time, iso: (await time.getAttribute("datetime")) ?? "" };
}

test("an admin chooses the display time zone: the console, its day filters and the CSV exports follow it", async ({
  browser,
}) => {
  const { context, page } = await adminSession(browser);
  try {
    await page.goto("/admin");
    const note = page.getByTestId("console-time-zone");
    await expect(note).toContainText("China Standard Time (Asia/Shanghai, UTC+08:00)");
    await note.getByRole("link", { name: "Change" }).click();
    await expect(page).toHaveURL(/\/admin\/settings$/);

    const zone = page.getByLabel("Display time zone");
    await expect(zone).toHaveValue("Asia/Shanghai");
    await zone.selectOption("America/New_York");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved. Times are now shown in the new zone.");
    // New York keeps daylight saving: its offset depends on the date the test runs.
    const offset = (await zone.locator("option:checked").textContent())?.match(/UTC[+−]\d\d:\d\d/)?.[0] ?? "";
    expect(offset).toMatch(/^UTC−0[45]:00$/);
    await expect(page.getByTestId("console-time-zone")).toContainText(`(America/New_York, ${offset})`);
    await adminScreenshot(page, "admin-settings-time-zone-en");

    // The change is audited, and the console shows its time as New York's wall clock.
    const change = await newestZoneChange(page);
    await expect(change.row.getByTestId("audit-action")).toHaveText("Display time zone set");
    await expect(change.row.getByTestId("audit-change")).toContainText("America/New_York");
    await expect(change.time).toHaveText(consoleTime(change.iso, "America/New_York"));

    // The audit log's day filter means New York's day: today there holds the change, the day after does not.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(change.iso));
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/admin/audit?action=display_settings.time_zone&from=${today}&to=${today}`);
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    await page.goto(`/admin/audit?action=display_settings.time_zone&from=${tomorrow}&to=${tomorrow}`);
    await expect(page.getByTestId("audit-row")).toHaveCount(0);

    // The CSV export writes New York times with their offset, and is named in New York time.
    const csv = await page.request.get("/api/admin/transactions/export");
    expect(csv.status()).toBe(200);
    const day = today.replace(/-/g, "");
    expect(csv.headers()["content-disposition"]).toMatch(new RegExp(`transactions-(${day}|\\d{8})-\\d{6}\\.csv`));
    const rows = (await csv.text()).trimEnd().split("\n").slice(1);
    for (const row of rows) expect(row.split(",")[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);

    // A name that is not an IANA zone is refused, and nothing changes.
    const refused = await page.request.put("/api/admin/display-settings", { data: { timeZone: "Mars/Olympus_Mons" } });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { fields: { timeZone: "invalid_time_zone" } } });
    await page.goto("/admin/settings");
    await expect(page.getByLabel("Display time zone")).toHaveValue("America/New_York");

    const zh = await adminSession(browser, "zh");
    await zh.page.goto("/admin/settings");
    await expect(zh.page.getByRole("heading", { name: "设置", level: 1 })).toBeVisible();
    await expect(zh.page.getByLabel("显示时区")).toHaveValue("America/New_York");
    await expect(zh.page.getByTestId("console-time-zone")).toContainText(`America/New_York，${offset}`);
    await adminScreenshot(zh.page, "admin-settings-time-zone-zh");
    await zh.context.close();
  } finally {
    // The other specs read times in the default zone.
    const restored = await page.request.put("/api/admin/display-settings", { data: { timeZone: "Asia/Shanghai" } });
    expect(restored.status()).toBe(200);
    await context.close();
  }
});

test("going live: an admin sees the unspent sandbox credits, confirms with a reason, and they are voided (audited)", async ({
  browser,
}) => {
  const buyer = await userSession(browser);
  const admin = await adminSession(browser);
  const order = await placeOrder(buyer.page, await packageIdByPrice(admin.page.request, 600), "ALIPAY");
  await payOnSandboxPage(buyer.context, order.payUrl ?? "");
  await waitForOrderStatus(buyer.page, order.orderNo, "PAID");
  const balance = async () =>
    ((await (await buyer.page.request.get(`/api/orders/${order.orderNo}`)).json()) as { balance: number }).balance;
  const bought = await balance();
  expect(bought).toBeGreaterThan(0);

  const page = admin.page;
  await page.goto("/admin/settings");
  const left = page.getByTestId("sandbox-credits-left");
  await expect(left).toContainText("bought through the sandbox are still unspent");
  const credits = Number((await left.textContent())?.match(/^([\d,]+) credits?/)?.[1]?.replace(/,/g, "") ?? "0");
  expect(credits).toBeGreaterThanOrEqual(bought);

  await page.getByRole("button", { name: "Void all sandbox credits…" }).click();
  const confirm = page.getByRole("group", { name: /^Void [\d,]+ credits? of [\d,]+ users?\?$/ });
  await expect(confirm).toBeVisible();
  // Without a reason nothing is voided.
  await confirm.getByRole("button", { name: /^Void [\d,]+ credits?$/ }).click();
  await expect(confirm.getByText("Give a reason (at least 2 characters).")).toBeVisible();
  expect(await balance()).toBe(bought);
  await confirm.getByLabel("Reason (required, in the audit log)").fill("going live in e2e");
  await adminScreenshot(page, "admin-settings-void-sandbox-en");
  await confirm.getByRole("button", { name: /^Void [\d,]+ credits?$/ }).click();
  await expect(page.getByRole("status")).toContainText(/^Voided [\d,]+ credits? in/);
  await expect(left).toHaveText("No unspent credits bought through the sandbox.");
  expect(await balance()).toBe(0);

  await page.goto("/admin/audit?action=wallet.void_sandbox_credits");
  const row = page.getByTestId("audit-row").first();
  await expect(row.getByTestId("audit-change")).toContainText("going live in e2e");

  const zh = await adminSession(browser, "zh");
  await zh.page.goto("/admin/settings");
  await expect(zh.page.getByTestId("sandbox-credits-left")).toHaveText("没有通过沙箱购买且尚未使用的积分。");
  await adminScreenshot(zh.page, "admin-settings-void-sandbox-zh");
  await Promise.all([zh.context.close(), admin.context.close(), buyer.context.close()]);
});
