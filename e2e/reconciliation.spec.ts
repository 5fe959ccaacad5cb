import { expect, test } from "./csp-guard";
import { adminScreenshot, adminSession, json } from "./admin-helpers";

interface ConfigView {
  id: string;
  name: string;
  provider: "WECHAT" | "ALIPAY";
  isDefault: boolean;
}

/** Yesterday in China time, the day the daily job reconciles. */
function beijingYesterday(): string {
  return new Date(Date.now() + 8 * 3_600_000 - 24 * 3_600_000).toISOString().slice(0, 10);
}

test.describe.configure({ mode: "serial" });

test("an admin reconciles a day, sees the difference, resolves it, exports it (en and zh)", async ({ browser }) => {
  const { context, page } = await adminSession(browser, "en");
  const { configs } = await json<{ configs: ConfigView[] }>(await page.request.get("/api/admin/payment-configs"));
  const wechat = configs.find((config) => config.provider === "WECHAT" && config.isDefault)!;
  const day = beijingYesterday();

  // The sandbox's bill names a payment nobody here placed; then a bill that is not ready yet.
  await json(
    await page.request.post("/api/admin/sandbox/faults", { data: { scope: "*", faults: { billNotReady: true } } }),
  );
  await page.goto("/admin/reconciliation");
  await expect(page.getByRole("heading", { name: "Reconciliation", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Reconcile a day" });
  await form.getByLabel("Payment config").selectOption(wechat.id);
  await form.getByLabel("Day").fill(day);
  await form.getByRole("button", { name: "Reconcile this day" }).click();
  await expect(form.getByRole("status")).toContainText("Bill not ready");

  await json(
    await page.request.post("/api/admin/sandbox/faults", { data: { scope: "*", faults: { billUnknownTrade: true } } }),
  );
  await form.getByRole("button", { name: "Reconcile this day" }).click();
  await expect(form.getByRole("status")).toContainText("Done: 1 open differences");
  const row = page.getByTestId("difference-row").filter({ hasText: "Payment for an unknown order" });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`SBX_UNKNOWN_${day.replaceAll("-", "")}`);
  await expect(
    page.getByRole("table", { name: "The most recent reconciliation of each payment config" }),
  ).toContainText(day);
  await adminScreenshot(page, "admin-reconciliation-en");

  const csv = await page.request.get(`/api/admin/reconciliation/export?status=OPEN&billDate=${day}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("UNKNOWN_TRADE");

  await page.goto("/admin");
  await expect(page.getByRole("region", { name: "Reconciliation with the providers' bills" })).toContainText(day);
  await adminScreenshot(page, "admin-dashboard-reconciliation-en");

  const zh = await adminSession(browser, "zh");
  await zh.page.goto("/admin/reconciliation");
  await expect(zh.page.getByRole("heading", { name: "对账", level: 1 })).toBeVisible();
  const zhRow = zh.page.getByTestId("difference-row").filter({ hasText: "未知订单的付款" });
  await expect(zhRow).toBeVisible();
  await adminScreenshot(zh.page, "admin-reconciliation-zh");
  await zhRow.getByRole("button", { name: "处理…" }).click();
  await zhRow.getByLabel("处理说明").fill("渠道测试交易，已与渠道确认");
  await zhRow.getByRole("button", { name: "标记为已处理" }).click();
  await expect(zh.page.getByText("没有差异。")).toBeVisible();
  await zh.page.goto("/admin/reconciliation?status=RESOLVED");
  await expect(zh.page.getByTestId("difference-row").first()).toContainText("渠道测试交易，已与渠道确认");
  await adminScreenshot(zh.page, "admin-reconciliation-resolved-zh");

  await json(await page.request.post("/api/admin/sandbox/faults", { data: { scope: "*" } }));
  await zh.context.close();
  await context.close();
});
