import type { Page } from "@playwright/test";
import { balanceOf, credits, e2eServers, expect, listOrders, screenshot, test } from "./helpers";
import { alipayUserAgent, installWechatBridge, setBridgeChoice, wechatUserAgent } from "./wechat-bridge";

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function chooseOnRechargePage(page: Page, packageName: RegExp, provider: RegExp) {
  await page.goto("/recharge");
  await page.getByRole("radio", { name: packageName }).check();
  await page.getByRole("radio", { name: provider }).check();
}

test.describe("inside WeChat, English", () => {
  test.use({ ...phone, locale: "en-US", userAgent: wechatUserAgent });

  test("recharge → OAuth → JSAPI: cancel leaves the order payable, pay again → paid", async ({ page, context }) => {
    await installWechatBridge(context);
    await setBridgeChoice(context, e2eServers.main, "cancel");
    const authorizations: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/sandbox/wechat/connect/oauth2/authorize")) authorizations.push(request.url());
    });
    const before = await balanceOf(page);

    await chooseOnRechargePage(page, /Starter/, /WeChat Pay/);
    await expect(page.getByTestId("pay-way")).toHaveAttribute("data-channel", "JSAPI");
    await expect(page.getByTestId("pay-way")).toHaveText("WeChat Pay right here in WeChat");
    await screenshot(page, "inapp-recharge-wechat-en-phone");
    await page.getByTestId("create-order").click();

    // Through WeChat's OAuth (snsapi_base) and back, then the cashier opens by itself: cancelled.
    // Three redirects and a fresh page: slower than one click.
    await expect(page.getByTestId("jsapi-notice")).toHaveText(/cancelled the payment/, { timeout: 30_000 });
    expect(authorizations).toHaveLength(1);
    expect(new URL(authorizations[0]!).searchParams.get("scope")).toBe("snsapi_base");
    // WeChat's authorize URL ends in #wechat_redirect, which the redirects back carry along.
    const orderNo = new URL(page.url()).pathname.split("/").at(-1)!;
    expect(orderNo).toMatch(/^R\d{8}[A-Z2-9]{20}$/);
    expect((await listOrders(page)).orders[0]).toMatchObject({ orderNo, status: "PENDING" });
    await screenshot(page, "inapp-jsapi-cancelled-en-phone");

    await setBridgeChoice(context, e2eServers.main, "fail");
    await page.goto(`/orders/${orderNo}`);
    await expect(page.getByTestId("jsapi-notice")).toHaveText(/did not go through/, { timeout: 15_000 });
    // The openid is remembered: no second OAuth.
    expect(authorizations).toHaveLength(1);

    await setBridgeChoice(context, e2eServers.main, "pay");
    await page.goto(`/orders/${orderNo}`);
    await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("paid-balance")).toHaveText(`${credits(before + 60)} credits`);
    expect((await listOrders(page)).orders[0]).toMatchObject({ orderNo, status: "PAID" });
    await screenshot(page, "inapp-jsapi-paid-en-phone");
  });
});

test.describe("inside WeChat, Chinese", () => {
  test.use({ ...phone, locale: "zh-CN", userAgent: wechatUserAgent });

  test("Alipay shows how to leave WeChat, and offers WeChat Pay instead", async ({ page, context }) => {
    await installWechatBridge(context);
    await chooseOnRechargePage(page, /入门包/, /支付宝/);
    const guide = page.getByTestId("alipay-in-wechat-guide");
    await expect(guide).toBeVisible();
    await expect(guide.getByRole("img", { name: /在浏览器打开/ })).toBeVisible();
    await expect(page.getByTestId("create-order")).toBeDisabled();
    await screenshot(page, "inapp-alipay-guide-zh-phone");

    // Or a QR code to scan with another phone's Alipay.
    await page.getByTestId("qr-for-another-phone").check();
    await expect(guide).toHaveCount(0);
    await expect(page.getByTestId("pay-way")).toHaveAttribute("data-channel", "QR");
    await page.getByTestId("qr-for-another-phone").uncheck();

    await page.getByTestId("pay-with-wechat-instead").click();
    await expect(page.getByRole("radio", { name: /微信支付/ })).toBeChecked();
    await expect(page.getByTestId("pay-way")).toHaveText("在微信内直接用微信支付");
    await setBridgeChoice(context, e2eServers.main, "cancel");
    await page.getByTestId("create-order").click();
    await expect(page.getByTestId("jsapi-notice")).toHaveText(/已取消付款/, { timeout: 30_000 });
    await screenshot(page, "inapp-jsapi-cancelled-zh-phone");
    await setBridgeChoice(context, e2eServers.main, "pay");
    await page.getByTestId("pay-jsapi").click();
    await expect(page.getByRole("heading", { name: "支付成功" })).toBeVisible({ timeout: 15_000 });
    await screenshot(page, "inapp-jsapi-paid-zh-phone");
  });
});

test.describe("inside Alipay's app", () => {
  test.use({ ...phone, locale: "zh-CN", userAgent: alipayUserAgent });

  test("goes straight to Alipay's phone page, and comes back paid", async ({ page }) => {
    const before = await balanceOf(page);
    await chooseOnRechargePage(page, /入门包/, /支付宝/);
    await expect(page.getByTestId("pay-way")).toHaveAttribute("data-channel", "H5");
    await page.getByTestId("create-order").click();
    await expect(page).toHaveURL(/\/sandbox\/pay\/st_/);
    await page.getByRole("button", { name: "支付 ¥6.00" }).click();
    await expect(page).toHaveURL(/\/orders\/R\d{8}[A-Z2-9]{20}$/);
    await expect(page.getByRole("heading", { name: "支付成功" })).toBeVisible();
    await expect(page.getByTestId("paid-balance")).toHaveText(`${credits(before + 60)} 积分`);
  });
});
