import type { Browser, Page } from "@playwright/test";
import { adminSession, json, type ConfigView } from "./admin-helpers";
import { expect, test } from "./csp-guard";
import {
  balanceOf,
  credits,
  listOrders,
  payOnPhone,
  screenshot,
  signUp,
  submitRechargeForm,
  uniqueEmail,
} from "./helpers";

/**
 * Alipay's website pay (电脑网站支付, alipay.trade.page.pay) on a computer: the admin picks it per
 * config; the order page frames Alipay's cashier QR or sends the page to the full cashier; the
 * payer scans it with a phone; the cashier sends the browser back through return_url, and the
 * order page shows the payment that the notify (or the query the return asks for) settled.
 */

test.describe.configure({ mode: "serial" });

type AlipayDesktop = "PRECREATE" | "PAGE_EMBEDDED" | "PAGE_REDIRECT";

async function defaultAlipayConfig(page: Page): Promise<ConfigView> {
  const { configs } = await json<{ configs: ConfigView[] }>(await page.request.get("/api/admin/payment-configs"));
  const found = configs.find((config) => config.provider === "ALIPAY" && config.isDefault);
  if (!found) throw new Error("no default Alipay config");
  return found;
}

/** The admin chooses the default Alipay config's product for computers, in the config form. */
async function chooseDesktopProduct(browser: Browser, product: AlipayDesktop): Promise<string> {
  const { context, page } = await adminSession(browser);
  const config = await defaultAlipayConfig(page);
  await page.goto(`/admin/payment-configs/${config.id}`);
  await page.getByLabel("Product on a computer").selectOption(product);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. Secrets you left empty were kept.")).toBeVisible();
  const saved = await defaultAlipayConfig(page);
  expect(saved).toMatchObject({ id: config.id, alipayDesktop: product });
  await context.close();
  return config.id;
}

/** A new user, signed in, in a browser of their language (the admin's sessions stay apart). */
async function payer(browser: Browser, locale: "en-US" | "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signUp(page, uniqueEmail("page-pay"), "pagepay1234");
  return page;
}

/** The QR code the sandbox cashier shows: the phone page a payer's Alipay would open. */
async function cashierCode(cashier: ReturnType<Page["frameLocator"]> | Page): Promise<string> {
  const qr = cashier.getByTestId("sandbox-cashier-qr");
  await expect(qr).toBeVisible();
  const code = await qr.getAttribute("data-code");
  expect(code).toMatch(/\/sandbox\/pay\/[\w-]+$/);
  return code!;
}

test.afterAll(async ({ browser }) => {
  // The rest of the run expects Alipay's default on a computer: 当面付's QR code.
  await chooseDesktopProduct(browser, "PRECREATE");
});

test.describe("English, the cashier framed in the order page", () => {
  test("website pay: framed QR → phone pays → paid once, in place; a forged return credits nothing", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const configId = await chooseDesktopProduct(browser, "PAGE_EMBEDDED");
    const page = await payer(browser, "en-US");
    const before = await balanceOf(page);

    await page.goto("/recharge");
    await page.getByRole("radio", { name: /Starter/ }).check();
    await page.getByRole("radio", { name: /Alipay/ }).check();
    await expect(page.getByTestId("pay-way")).toHaveAttribute("data-channel", "PAGE");
    await expect(page.getByTestId("pay-way")).toHaveText("Alipay's checkout page");
    const orderNo = await submitRechargeForm(page);

    const frame = page.frameLocator('[data-testid="pay-cashier-frame"]');
    await expect(page.getByTitle("Alipay checkout: scan the QR code to pay")).toBeVisible();
    const phoneUrl = await cashierCode(frame);
    await expect(frame.getByTestId("sandbox-cashier-state")).toHaveText("Waiting for the payment…");
    await screenshot(page, "page-pay-embedded-en");

    // Anyone can type a return URL: a forged one only sends the browser to the order, still unpaid.
    const forged = await page.request.get(
      `/pay/return/${configId}?out_trade_no=${orderNo}&trade_no=2026120422001400000000000001&total_amount=6.00&sign=Zm9yZ2Vk&sign_type=RSA2`,
      { maxRedirects: 0 },
    );
    expect(forged.status()).toBe(303);
    expect(forged.headers().location).toBe(`/orders/${orderNo}`);
    expect((await listOrders(page)).orders.find((order) => order.orderNo === orderNo)?.status).toBe("PENDING");
    expect(await balanceOf(page)).toBe(before);

    // The payer scans the framed QR with a phone and pays: the order page hears the notify and
    // shows the payment in place (the frame's own return to the shop is then moot).
    await payOnPhone(browser, phoneUrl);
    await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible({ timeout: 20_000 });
    expect(page.url()).toMatch(new RegExp(`/orders/${orderNo}$`));
    await expect(page.getByTestId("paid-balance")).toHaveText(`${credits(before + 60)} credits`);
    await screenshot(page, "page-pay-paid-en");

    // Credited once: the balance moved by one package, in one ledger entry.
    const ledger = await json<{ entries: { delta: number; reference: string }[] }>(
      await page.request.get("/api/ledger?pageSize=50"),
    );
    expect(ledger.entries.filter((entry) => entry.reference === orderNo)).toEqual([
      expect.objectContaining({ delta: 60 }),
    ]);
    expect(await balanceOf(page)).toBe(before + 60);
  });
});

test.describe("Chinese, Alipay's full cashier page", () => {
  test("website pay: the button opens the full cashier → phone pays → back to the order, paid", async ({ browser }) => {
    test.setTimeout(120_000);
    const configId = await chooseDesktopProduct(browser, "PAGE_REDIRECT");
    const page = await payer(browser, "zh-CN");
    const before = await balanceOf(page);

    await page.goto("/recharge");
    await page.getByRole("radio", { name: /入门包/ }).check();
    await page.getByRole("radio", { name: /支付宝/ }).check();
    await expect(page.getByTestId("pay-way")).toHaveText("支付宝收银台");
    const orderNo = await submitRechargeForm(page);
    await expect(page.getByTestId("pay-cashier")).toBeVisible();
    await screenshot(page, "page-pay-redirect-zh");

    await page.getByTestId("pay-cashier").click();
    await expect(page).toHaveURL(/\/sandbox\/cashier\/[\w-]+$/);
    await expect(page.getByRole("heading", { name: "支付宝收银台（沙箱）" })).toBeVisible();
    const phoneUrl = await cashierCode(page);
    await screenshot(page, "page-pay-cashier-zh");

    // Paid on the phone, the cashier sends this page back through return_url with Alipay's signed
    // params, which only ask for a query; the order page then shows the payment.
    const returns: string[] = [];
    page.on("request", (request) => {
      if (request.isNavigationRequest() && request.url().includes(`/pay/return/${configId}?`)) {
        returns.push(request.url());
      }
    });
    await payOnPhone(browser, phoneUrl);
    await expect(page).toHaveURL(new RegExp(`/orders/${orderNo}$`), { timeout: 20_000 });
    expect(returns).toHaveLength(1);
    const returned = new URL(returns[0]!).searchParams;
    expect(returned.get("out_trade_no")).toBe(orderNo);
    expect(returned.get("method")).toBe("alipay.trade.page.pay.return");
    expect(returned.get("sign")).toBeTruthy();
    await expect(page.getByRole("heading", { name: "支付成功" })).toBeVisible({ timeout: 20_000 });
    expect(await balanceOf(page)).toBe(before + 60);
    await screenshot(page, "page-pay-paid-zh");
  });
});
