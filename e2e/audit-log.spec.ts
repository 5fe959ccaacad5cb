import { expect, test } from "./csp-guard";
import { adminScreenshot, adminSession, packageIdByPrice } from "./admin-helpers";

test.describe.configure({ mode: "serial" });

test("the audit log names an admin's action in their language, links its target and shows what changed and from where", async ({
  browser,
}) => {
  const { context, page } = await adminSession(browser);
  const packageId = await packageIdByPrice(page.request, 600);
  // Off sale and straight back on: two entries, the page's shelf as it was.
  for (const active of [false, true]) {
    const response = await page.request.post(`/api/admin/packages/${packageId}/active`, { data: { active } });
    expect(response.status()).toBe(200);
  }

  await page.goto("/admin/audit?action=package.deactivate");
  const row = page.getByTestId("audit-row").first();
  await expect(row.getByTestId("audit-action")).toHaveText("Package taken off sale");
  await expect(row.getByRole("link", { name: packageId })).toHaveAttribute("href", `/admin/packages/${packageId}`);
  await expect(row.getByTestId("audit-change")).toContainText("active");
  await expect(row.getByTestId("audit-change").locator("del")).toHaveText("true");
  await expect(row.getByTestId("audit-change").locator("ins")).toHaveText("false");
  // Served by scripts/server.mjs without TRUST_PROXY: the socket's address, and the browser's user agent.
  await expect(row.getByTestId("audit-actor")).toContainText("Address: 127.0.0.1");
  await expect(row.getByTestId("audit-actor")).toContainText("Browser: Mozilla/5.0");
  await expect(page.getByLabel("Action").locator("option", { hasText: "Package taken off sale" })).toHaveCount(1);
  await adminScreenshot(page, "admin-audit-readable-en");
  await context.close();

  const zh = await adminSession(browser, "zh");
  await zh.page.goto("/admin/audit?action=package.deactivate");
  const zhRow = zh.page.getByTestId("audit-row").first();
  await expect(zhRow.getByTestId("audit-action")).toHaveText("下架套餐");
  await expect(zhRow.getByTestId("audit-actor")).toContainText("地址：127.0.0.1");
  await zh.page.goto("/admin/audit?action=admin.sign_in");
  await expect(zh.page.getByTestId("audit-row").first().getByTestId("audit-action")).toHaveText("管理员登录");
  await expect(zh.page.getByTestId("audit-row").first().getByTestId("audit-actor")).toContainText("127.0.0.1");
  await adminScreenshot(zh.page, "admin-audit-readable-zh");
  await zh.context.close();
});
