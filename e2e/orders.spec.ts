import { e2eAdmin } from "./accounts";
import {
  balanceOf,
  createOrderOnRechargePage,
  credits,
  decodeQr,
  expect,
  payOnPhone,
  screenshot,
  signIn,
  test,
} from "./helpers";

test.use({ locale: "en-US" });

test("closing the tab loses nothing: pay on the phone, come back, see it paid and credited", async ({
  page,
  browser,
}) => {
  const before = await balanceOf(page);
  const context = page.context();
  const orderNo = await createOrderOnRechargePage(page, /Standard/, /Alipay/);
  const payUrl = await decodeQr(page, page.getByRole("img", { name: /QR code/ }));
  await page.close();

  await payOnPhone(browser, payUrl);

  const back = await context.newPage();
  await back.goto("/orders");
  const row = back.getByTestId("order-row").filter({ hasText: orderNo });
  // Paid, as soon as the provider's notify has landed (the list refreshes itself meanwhile).
  await expect(row).toContainText("Paid", { timeout: 15_000 });
  await expect(row).toContainText("¥30.00");
  await expect(row).toContainText("330 credits");
  await expect(row).toContainText("Alipay");
  // Each language shows its own package name, never "标准包 / Standard".
  await expect(row.getByRole("link")).toHaveText("Standard");
  await expect(back.getByTestId("header-balance")).toContainText(credits(before + 330));
  await screenshot(back, "orders-en");

  await row.getByRole("link").click();
  await expect(back).toHaveURL(new RegExp(`/orders/${orderNo}$`));
  await expect(back.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await expect(back.getByTestId("paid-balance")).toHaveText(`${credits(before + 330)} credits`);

  await back.getByRole("link", { name: "History", exact: true }).click();
  const entry = back.getByTestId("ledger-row").first();
  await expect(entry).toContainText("Recharge");
  await expect(entry).toContainText("+330");
  await expect(entry).toContainText("Standard");
  await expect(entry).not.toContainText("标准包");
  await expect(entry.getByRole("link", { name: orderNo })).toBeVisible();
  await expect(entry.locator("td").last()).toHaveText(credits(before + 330));
  await screenshot(back, "ledger-en");

  // The same lists in Chinese: headers, kinds and states come from the other catalogue.
  await back.getByLabel("Language").selectOption("zh");
  await expect(back.getByRole("columnheader", { name: "记录" })).toBeVisible();
  await expect(back.getByTestId("ledger-row").first()).toContainText("充值");
  await expect(back.getByTestId("ledger-row").first()).toContainText("标准包");
  await expect(back.getByTestId("ledger-row").first()).not.toContainText("Standard");
  await screenshot(back, "ledger-zh");
  await back.goto("/orders");
  await expect(back.getByRole("columnheader", { name: "订单" })).toBeVisible();
  await expect(back.getByTestId("order-row").filter({ hasText: orderNo })).toContainText("¥30.00");
  await expect(back.getByTestId("order-row").filter({ hasText: orderNo }).getByRole("link")).toHaveText("标准包");
  await screenshot(back, "orders-zh");
  await back.getByLabel("语言").selectOption("en");
  await expect(back.getByRole("columnheader", { name: "Order" })).toBeVisible();
});

test("a pending order opened from the list resumes its code and live status", async ({ page, browser }) => {
  const before = await balanceOf(page);
  const orderNo = await createOrderOnRechargePage(page, /Starter/, /WeChat Pay/);
  await page.goto("/orders");
  const row = page.getByTestId("order-row").filter({ hasText: orderNo });
  await expect(row).toContainText("Awaiting payment");
  await row.getByRole("link").click();

  const payUrl = await decodeQr(page, page.getByRole("img", { name: /QR code/ }));
  await expect(page.getByTestId("countdown")).toBeVisible();
  await payOnPhone(browser, payUrl);
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await expect(page.getByTestId("paid-balance")).toHaveText(`${credits(before + 60)} credits`);
});

test("someone else's order is not found, on the page and in the API", async ({ page, browser }) => {
  const orderNo = await createOrderOnRechargePage(page, /Starter/, /WeChat Pay/);

  // Even an admin: the user pages and APIs show only the caller's own orders.
  const other = await browser.newContext({ locale: "en-US", storageState: { cookies: [], origins: [] } });
  const stranger = await other.newPage();
  await signIn(stranger, e2eAdmin.email, e2eAdmin.password);
  await expect(stranger.getByTestId("header-balance")).toBeVisible();
  // The page streams behind its loading skeleton, so its status is already sent (200) when the
  // lookup fails; what the stranger sees is the not-found page, exactly as for an unknown number.
  await stranger.goto(`/orders/${orderNo}`);
  await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(stranger.getByText(orderNo)).toHaveCount(0);
  await stranger.goto("/orders/R20200101AAAAAAAAAAAAAAAAAAAA");
  await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await stranger.request.get(`/api/orders/${orderNo}`)).status()).toBe(404);
  await other.close();
});

test("the ledger API lists the caller's entries, newest first, and checks its query", async ({ page, browser }) => {
  for (const pkg of [/Starter/, /Standard/]) {
    await createOrderOnRechargePage(page, pkg, /WeChat Pay/);
    await payOnPhone(browser, await decodeQr(page, page.getByRole("img", { name: /QR code/ })));
    await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  }
  const balance = await balanceOf(page);

  const response = await page.request.get("/api/ledger?pageSize=2&page=1");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { total: number; pageSize: number; entries: Record<string, unknown>[] };
  expect(body.pageSize).toBe(2);
  expect(body.entries).toEqual([
    expect.objectContaining({ seq: body.total, delta: 330, balanceAfter: balance, kind: "RECHARGE" }),
    expect.objectContaining({ seq: body.total - 1, delta: 60, balanceAfter: balance - 330, kind: "RECHARGE" }),
  ]);
  expect(Object.keys(body.entries[0]!).sort()).toEqual(
    ["balanceAfter", "createdAt", "delta", "kind", "packageName", "packageNameEn", "reason", "reference", "seq"].sort(),
  );

  expect((await page.request.get("/api/ledger?pageSize=0")).status()).toBe(400);
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await anonymous.request.get("/api/ledger")).status()).toBe(401);
  await anonymous.close();
});
