import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { e2eAdmin } from "./accounts";
import { signIn, signUp, uniqueEmail } from "./helpers";
import { handlerRoutes, pageRoutes, type HandlerRoute, type PageRoute } from "./route-tree";

/** A browser context signed in as the e2e admin, in the given language. */
export async function adminSession(
  browser: Browser,
  locale: "en" | "zh" = "en",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: locale === "zh" ? "zh-CN" : "en-US" });
  const page = await context.newPage();
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page.getByRole("button", { name: /^(Sign out|退出登录)$/ })).toBeVisible();
  return { context, page };
}

/** A fresh normal user, signed in, in its own context. */
export async function userSession(browser: Browser): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const email = uniqueEmail("admin-e2e-user");
  await signUp(page, email, "user12345");
  return { context, page, email };
}

export async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

// ---- The admin part of the route tree (e2e/route-tree.ts reads it from the source).

export function adminPages(): PageRoute[] {
  return pageRoutes().filter((page) => page.pattern === "/admin" || page.pattern.startsWith("/admin/"));
}

export function adminApis(): HandlerRoute[] {
  return handlerRoutes().filter((route) => route.pattern.startsWith("/api/admin/"));
}

// ---- Data the tests need.

export interface ConfigView {
  id: string;
  provider: "WECHAT" | "ALIPAY";
  name: string;
  sandbox: boolean;
  isDefault: boolean;
  enabled: boolean;
  fingerprints: Record<string, string>;
}

export async function packageIdByPrice(admin: APIRequestContext, priceFen: number): Promise<string> {
  const { packages } = await json<{ packages: { id: string; priceFen: number; active: boolean }[] }>(
    await admin.get("/api/admin/packages"),
  );
  const found = packages.find((pkg) => pkg.priceFen === priceFen && pkg.active);
  if (!found) throw new Error(`no active package at ${priceFen} fen`);
  return found.id;
}

export interface UserOrder {
  orderNo: string;
  payUrl: string | null;
  status: string;
}

/** Places an order as the signed-in user, through the same API the recharge page uses. */
export async function placeOrder(user: Page, packageId: string, provider: "WECHAT" | "ALIPAY"): Promise<UserOrder> {
  const response = await user.request.post("/api/orders", {
    data: { packageId, provider, channel: "QR", clientKey: randomBytes(12).toString("hex") },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { order: UserOrder }).order;
}

/** Pays on the sandbox's phone page, as a payer would after scanning the QR code. */
export async function payOnSandboxPage(context: BrowserContext, payUrl: string) {
  const phone = await context.newPage();
  await phone.goto(new URL(payUrl).pathname);
  await phone.getByRole("button", { name: /^(Pay|支付)/ }).click();
  await expect(phone.getByTestId("sandbox-result")).toBeVisible();
  await phone.close();
}

/** Waits until the user's order reaches a status (the notify arrives within a second or two). */
export async function waitForOrderStatus(user: Page, orderNo: string, status: string) {
  await expect
    .poll(
      async () =>
        ((await (await user.request.get(`/api/orders/${orderNo}`)).json()) as { order: UserOrder }).order.status,
      { timeout: 20_000 },
    )
    .toBe(status);
}

// ---- Screenshots for people to look at (e2e/screenshots).

export async function adminScreenshot(page: Page, name: string) {
  const dir = path.join("e2e", "screenshots");
  mkdirSync(dir, { recursive: true });
  // Let charts finish their first layout before the picture is taken.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
