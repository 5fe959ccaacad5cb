import { expect, test } from "./csp-guard";
import { decodeQr, e2eServers, payOnPhone, screenshot, signUp, uniqueEmail } from "./helpers";

// The second server, started with ORDER_TTL_MINUTES=1: its codes run out after a minute.
test.use({ locale: "en-US", baseURL: e2eServers.shortTtl });

test("an expired code is replaced by a new one in one click", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("expiry"), "pay12345");
  await page.goto("/recharge");
  await page.getByRole("radio", { name: /Starter/ }).check();
  await page.getByRole("radio", { name: "WeChat Pay" }).check();
  await page.getByTestId("create-order").click();
  await expect(page).toHaveURL(/\/orders\/R/);
  const firstOrder = page.url().split("/").at(-1)!;
  const qr = page.getByRole("img", { name: /QR code/ });
  const firstCode = await decodeQr(page, qr);
  expect(firstCode.startsWith(`${e2eServers.shortTtl}/sandbox/pay/`)).toBe(true);
  await expect(page.getByTestId("countdown")).toHaveText(/Expires in 0:\d\d|Expires in 1:00/);

  // The page turns to "expired" on its own when the countdown ends…
  await expect(page.getByRole("heading", { name: "This payment code has expired" })).toBeVisible({
    timeout: 75_000,
  });
  await expect(qr).toHaveCount(0);
  await screenshot(page, "order-expired-en");
  // The wallet refuses the old code too.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const wallet = await phone.newPage();
  await wallet.goto(firstCode);
  await expect(wallet.getByTestId("sandbox-result")).toHaveText(/expired|closed/);
  await phone.close();

  await page.getByRole("button", { name: "Get a new code" }).click();
  await expect(page).not.toHaveURL(new RegExp(firstOrder));
  await expect(page).toHaveURL(/\/orders\/R/);
  const secondCode = await decodeQr(page, page.getByRole("img", { name: /QR code/ }));
  expect(secondCode).not.toBe(firstCode);
  await expect(page.getByTestId("order-amount")).toHaveText("¥6.00");

  await payOnPhone(browser, secondCode);
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await expect(page.getByTestId("paid-balance")).toHaveText("60 credits");
});
