import { expect, test } from "./csp-guard";
import {
  adminScreenshot,
  adminSession,
  json,
  packageIdByPrice,
  payOnSandboxPage,
  placeOrder,
  userSession,
  waitForOrderStatus,
} from "./admin-helpers";
import { screenshot } from "./helpers";

test.describe.configure({ mode: "serial" });

const banner = {
  en: "Demo mode — payments are simulated",
  zh: "演示模式 — 支付均为模拟",
};

test("while users are offered sandbox payments, every page says it is a demo, in the visitor's language", async ({
  browser,
}) => {
  for (const locale of ["en", "zh"] as const) {
    const context = await browser.newContext({ locale: locale === "zh" ? "zh-CN" : "en-US" });
    const page = await context.newPage();
    for (const path of ["/", "/sign-in", "/sign-up"]) {
      await page.goto(path);
      const note = page.getByRole("note");
      await expect(note).toContainText(banner[locale]);
      await expect(note).not.toContainText(banner[locale === "en" ? "zh" : "en"]);
    }
    await page.goto("/");
    await screenshot(page, `demo-banner-home-${locale}`);
    await context.close();
  }
  const user = await userSession(browser);
  for (const path of ["/recharge", "/orders", "/ledger"]) {
    await user.page.goto(path);
    await expect(user.page.getByRole("note")).toContainText(banner.en);
  }
  await screenshot(user.page, "demo-banner-ledger-en");
  const admin = await adminSession(browser);
  await admin.page.goto("/admin");
  await expect(admin.page.getByRole("note")).toContainText(banner.en);
  await Promise.all([user.context.close(), admin.context.close()]);
});

test("a refund shows its amount and credits and waits for a confirmation (Chinese console)", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await adminSession(browser, "zh");
  const user = await userSession(browser);
  const packageId = await packageIdByPrice(admin.page.request, 3_000);
  const order = await placeOrder(user.page, packageId, "ALIPAY");
  await payOnSandboxPage(user.context, order.payUrl!);
  await waitForOrderStatus(user.page, order.orderNo, "PAID");

  const page = admin.page;
  await page.goto(`/admin/transactions/${order.orderNo}`);
  const amount = page.getByLabel("金额（元）");
  await expect(amount).toHaveValue("");
  await amount.fill("30.01");
  await page.getByLabel("原因（必填）").fill("E2E 退款确认");
  await page.getByRole("button", { name: "退款", exact: true }).click();
  await expect(page.getByText("数值过大。")).toBeVisible();
  await amount.fill("15.00");
  await page.getByRole("button", { name: "退款", exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("确认向付款人退款 ¥15.00，并从用户账户扣回 165 积分？");
  await adminScreenshot(page, "admin-refund-confirm-zh");

  // Cancel sends nothing.
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toHaveCount(0);
  const detail = async () =>
    (
      await json<{ order: { status: string; refundedFen: number } }>(
        await page.request.get(`/api/admin/transactions/${order.orderNo}`),
      )
    ).order;
  expect(await detail()).toMatchObject({ status: "PAID", refundedFen: 0 });

  await page.getByRole("button", { name: "退款", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认退款 ¥15.00" }).click();
  await expect.poll(async () => (await detail()).refundedFen, { timeout: 20_000 }).toBe(1_500);
  await Promise.all([user.context.close(), admin.context.close()]);
});

test("disabling the default config asks which config takes over, so the provider stays in checkout", async ({
  browser,
}) => {
  for (const locale of ["en", "zh"] as const) {
    const { context, page } = await adminSession(browser, locale);
    const create = async (name: string) =>
      (
        await json<{ config: { id: string } }>(
          await page.request.post("/api/admin/payment-configs/sandbox", { data: { provider: "ALIPAY", name } }),
        )
      ).config.id;
    const stamp = Date.now();
    const [leaving, taking] = [`Leaving ${locale} ${stamp}`, `Taking over ${locale} ${stamp}`];
    const leavingId = await create(leaving);
    const takingId = await create(taking);
    await json(await page.request.post(`/api/admin/payment-configs/${leavingId}/default`, { data: {} }));

    await page.goto(`/admin/payment-configs/${leavingId}`);
    await page.getByRole("button", { name: locale === "en" ? "Disable" : "停用", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    const select = dialog.getByRole("combobox");
    await expect(select).toBeVisible();
    await select.selectOption(takingId);
    await adminScreenshot(page, `admin-config-handover-${locale}`);
    await dialog.getByRole("button", { name: locale === "en" ? "Yes, disable" : "确定停用" }).click();
    await expect(dialog).toHaveCount(0);
    const { configs } = await json<{ configs: { id: string; enabled: boolean; isDefault: boolean }[] }>(
      await page.request.get("/api/admin/payment-configs"),
    );
    expect(configs.find((config) => config.id === leavingId)).toMatchObject({ enabled: false, isDefault: false });
    expect(configs.find((config) => config.id === takingId)).toMatchObject({ enabled: true, isDefault: true });
    await context.close();
  }
});
