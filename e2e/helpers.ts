import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  request as requests,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { e2eAdmin } from "./accounts";
import { test as base, expect } from "./csp-guard";

let counter = 0;

export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@e2e.test`;
}

/** Signs up, opens the verification link from the dev outbox, confirms and signs in. */
export async function signUp(page: Page, email: string, password: string) {
  await page.goto("/sign-up");
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /^(Create account|注册)$/ }).click();
  await expect(page.getByTestId("sign-up-sent")).toBeVisible();
  await page.goto(await mailedLink(email, "/verify-email", new URL(page.url()).origin));
  await page.getByRole("button", { name: /^(Confirm my email|确认我的邮箱)$/ }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(/confirmed|已确认/);
  await signIn(page, email, password);
  await expect(page.getByTestId("balance")).toBeVisible();
}

const outboxReaders = new Map<string, Promise<APIRequestContext>>();

/** The admin's API session on the server at `origin`, for reading its dev outbox. */
function outbox(origin: string): Promise<APIRequestContext> {
  let reader = outboxReaders.get(origin);
  reader ??= (async () => {
    const context = await requests.newContext({ baseURL: origin });
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedIn = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: e2eAdmin.email, password: e2eAdmin.password, json: "true" },
    });
    expect(signedIn.ok(), "the e2e admin signs in to read the outbox").toBe(true);
    return context;
  })();
  outboxReaders.set(origin, reader);
  return reader;
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

/** The mails a server kept for `email` (the e2e servers run without SMTP_URL), newest first. */
export async function mailsTo(email: string, origin = e2eServers.main): Promise<OutboxMail[]> {
  const response = await (await outbox(origin)).get(`/api/admin/outbox?to=${encodeURIComponent(email)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { mails: OutboxMail[] }).mails;
}

/** The path of the link to `path` in the newest mail to `email`. */
export async function mailedLink(
  email: string,
  path: "/verify-email" | "/reset-password",
  origin = e2eServers.main,
): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const [newest] = await mailsTo(email, origin);
      link = newest?.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
      return link;
    })
    .toBeDefined();
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
}

const screenshotDir = path.join("e2e", "screenshots");

/** Full-page screenshots kept for people to look at (e2e/screenshots, ignored by git). */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^(Sign out|退出登录)$/ }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: /^(Sign in|登录)$/ })).toBeVisible();
}

/** The two e2e servers playwright.config.ts starts: the main one, and one whose codes expire after a minute. */
export const e2eServers = {
  main: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`,
  shortTtl: `http://127.0.0.1:${Number(process.env.E2E_SHORT_TTL_PORT ?? 3101)}`,
};

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export interface Account {
  email: string;
  password: string;
  storageState: StorageState;
}

/**
 * `test` with a signed-in account on the main server, shared by the tests of a worker: sign-up
 * is limited to 20 an hour per client address, and the whole run signs up from 127.0.0.1.
 * Tests that share it compare balances and order counts before and after, never absolutes.
 */
export const test = base.extend<object, { account: Account }>({
  account: [
    // `provide` is Playwright's `use`, renamed so the React hooks lint does not mistake it for a hook.
    async ({ browser }, provide) => {
      const context = await browser.newContext({ baseURL: e2eServers.main, locale: "en-US" });
      const page = await context.newPage();
      const email = uniqueEmail("shared");
      const password = "shared1234";
      await signUp(page, email, password);
      const storageState = await context.storageState();
      await context.close();
      await provide({ email, password, storageState });
    },
    { scope: "worker" },
  ],
  storageState: async ({ account }, provide) => provide(account.storageState),
});

export { expect };

/** The signed-in user's balance, from the API. */
export async function balanceOf(page: Page): Promise<number> {
  const response = await page.request.get("/api/me");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { user: { balance: number } }).user.balance;
}

/** Credits as the pages write them ("1,020"). */
export function credits(count: number): string {
  return count.toLocaleString("en-US");
}

const jsQrPath = require.resolve("jsqr/dist/jsQR.js");

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/**
 * Reads the payment QR the way a phone would: from the canvas' pixels, decoded with jsQR in
 * the page (never from the DOM's text or attributes). Waits until the code is drawn.
 */
export async function decodeQr(page: Page, canvas: Locator): Promise<string> {
  await expect(canvas).toBeVisible();
  const hasDecoder = await page.evaluate(() => "jsQR" in window);
  if (!hasDecoder) await page.addScriptTag({ path: jsQrPath });
  let decoded: string | null = null;
  await expect
    .poll(async () => {
      decoded = await canvas.evaluate((element) => {
        const qr = element as HTMLCanvasElement;
        const image = qr.getContext("2d")?.getImageData(0, 0, qr.width, qr.height);
        if (!image) return null;
        return (window as unknown as { jsQR: JsQr }).jsQR(image.data, image.width, image.height)?.data ?? null;
      });
      return decoded;
    })
    .not.toBeNull();
  return decoded!;
}

/** The payer's phone: opens the scanned URL in its own browser (not signed in here) and presses Pay. */
export async function payOnPhone(browser: Browser, url: string) {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: /^(Pay|支付) ¥/ }).click();
  // The wallet shows its receipt, or (a flow with a return URL) goes back to the merchant's page.
  await expect(
    page.getByTestId("sandbox-result").or(page.getByRole("heading", { name: /^(Sign in|登录)$/ })),
  ).toBeVisible();
  await phone.close();
}

/** Picks a package and a method on /recharge and creates the order; returns the order number. */
export async function createOrderOnRechargePage(page: Page, packageName: RegExp, provider: RegExp) {
  await page.goto("/recharge");
  await page.getByRole("radio", { name: packageName }).check();
  await page.getByRole("radio", { name: provider }).check();
  return submitRechargeForm(page);
}

/** Creates the order the recharge page shows chosen; returns its number once its page is open. */
export async function submitRechargeForm(page: Page): Promise<string> {
  await page.getByTestId("create-order").click();
  await expect(page).toHaveURL(/\/orders\/R\d{8}[A-Z2-9]{20}$/);
  return page.url().split("/").at(-1)!;
}

/** The signed-in user's orders through the API, as a page sees them. */
export async function listOrders(
  page: Page,
): Promise<{ total: number; orders: { orderNo: string; status: string }[] }> {
  const response = await page.request.get("/api/orders?pageSize=50");
  expect(response.status()).toBe(200);
  return response.json();
}
