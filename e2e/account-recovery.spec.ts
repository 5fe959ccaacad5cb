import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { e2eAdmin } from "./accounts";
import { adminSession } from "./admin-helpers";
import { mailedLink, mailsTo, screenshot, signIn, signUp, uniqueEmail } from "./helpers";

type Language = "en" | "zh";
const browserLocale = { en: "en-US", zh: "zh-CN" } as const;

async function tab(browser: Browser, language: Language): Promise<Page> {
  const context = await browser.newContext({ locale: browserLocale[language] });
  return context.newPage();
}

for (const language of ["en", "zh"] as const) {
  test(`sign up → the mail in the outbox → verify → sign in (${language})`, async ({ browser }) => {
    const page = await tab(browser, language);
    const email = uniqueEmail(`verify-${language}`);
    await page.goto("/sign-up");
    await page.getByLabel(/^(Email|邮箱)$/).fill(email);
    await page.getByLabel(/^(Password|密码)$/).fill("verify1234");
    await page.getByRole("button", { name: /^(Create account|注册)$/ }).click();
    await expect(page.getByTestId("sign-up-sent")).toContainText(email);
    await screenshot(page, `sign-up-sent-${language}`);

    // Not signed in until the link is opened, and the refusal says no more than a wrong password.
    await signIn(page, email, "verify1234");
    await expect(page.locator("main").getByRole("alert")).toContainText(/Just signed up|刚注册/);

    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe(language === "zh" ? "请确认你的邮箱" : "Confirm your email address");
    const link = await mailedLink(email, "/verify-email");
    await page.goto(link);
    await screenshot(page, `verify-email-${language}`);
    await page.getByRole("button", { name: /^(Confirm my email|确认我的邮箱)$/ }).click();
    await expect(page.locator("main").getByRole("status")).toContainText(/confirmed|已确认/);
    await screenshot(page, `verify-email-done-${language}`);

    // The link worked once.
    await page.goto(link);
    await page.getByRole("button", { name: /^(Confirm my email|确认我的邮箱)$/ }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText(/not valid any more|已失效/);

    await signIn(page, email, "verify1234");
    await expect(page.getByTestId("balance")).toBeVisible();
    await page.context().close();
  });
}

test("forgot password → the mail in the outbox → reset → the old session is refused", async ({ browser }) => {
  const email = uniqueEmail("forgot");
  const old = await tab(browser, "en");
  await signUp(old, email, "before1234");
  expect((await old.request.get("/api/me")).status()).toBe(200);

  for (const language of ["en", "zh"] as const) {
    const page = await tab(browser, language);
    await page.goto("/sign-in");
    await page.getByRole("link", { name: /^(Forgot your password\?|忘记密码？)$/ }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await screenshot(page, `forgot-password-${language}`);
    await page.getByLabel(/^(Email|邮箱)$/).fill(email);
    await page.getByRole("button", { name: /^(Send the link|发送链接)$/ }).click();
    await expect(page.locator("main").getByRole("status")).toContainText(/30/);
    await screenshot(page, `forgot-password-sent-${language}`);
    if (language === "zh") {
      await page.goto(await mailedLink(email, "/reset-password"));
      await screenshot(page, "reset-password-zh");
    }
    await page.context().close();
  }
  // The same answer for an address nobody has, and no mail.
  const stranger = await tab(browser, "en");
  await stranger.goto("/forgot-password");
  await stranger.getByLabel("Email").fill(uniqueEmail("nobody"));
  await stranger.getByRole("button", { name: "Send the link" }).click();
  await expect(stranger.locator("main").getByRole("status")).toContainText("If an account exists");

  const page = await tab(browser, "en");
  const link = await mailedLink(email, "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("New password").fill("after12345");
  await screenshot(page, "reset-password-en");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("every device that was signed in is signed out");
  await screenshot(page, "reset-password-done-en");

  // The session from before the reset: refused by the APIs and the pages.
  expect((await old.request.get("/api/me")).status()).toBe(401);
  await old.goto("/account");
  await expect(old).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);

  // The link was single-use; the new password works, the old one not.
  await page.goto(link);
  await page.getByLabel("New password").fill("again12345");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("not valid any more");
  await signIn(page, email, "before1234");
  await expect(page.locator("main").getByRole("alert")).toBeVisible();
  await signIn(page, email, "after12345");
  await expect(page.getByTestId("balance")).toBeVisible();
});

test("the account page changes the password and signs out everywhere", async ({ browser }) => {
  const email = uniqueEmail("account");
  const page = await tab(browser, "en");
  const other = await tab(browser, "en");
  await signUp(page, email, "first12345");
  await signIn(other, email, "first12345");
  await expect(other.getByTestId("balance")).toBeVisible();

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await page.getByLabel("Current password").fill("wrong12345");
  await page.getByLabel("New password").fill("second12345");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not right.")).toBeVisible();
  await page.getByLabel("Current password").fill("first12345");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("Password changed");
  await screenshot(page, "account-en");

  // This browser was signed in again with the new password; the other one is out.
  expect((await page.request.get("/api/me")).status()).toBe(200);
  expect((await other.request.get("/api/me")).status()).toBe(401);

  await signIn(other, email, "second12345");
  await expect(other.getByTestId("balance")).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await other.request.get("/api/me")).status()).toBe(401);
  expect((await page.request.get("/api/me")).status()).toBe(401);

  const zh = await tab(browser, "zh");
  await signIn(zh, email, "second12345");
  await expect(zh.getByTestId("balance")).toBeVisible();
  await zh.goto("/account");
  await expect(zh.getByRole("heading", { level: 1 })).toHaveText("我的账户");
  await screenshot(zh, "account-zh");
});

test("signing up with a taken address answers the same and mails the owner", async ({ browser }) => {
  const email = uniqueEmail("taken");
  const owner = await tab(browser, "en");
  await signUp(owner, email, "owner12345");
  const intruder = await tab(browser, "en");
  await intruder.goto("/sign-up");
  await intruder.getByLabel("Email").fill(email);
  await intruder.getByLabel("Password").fill("intruder123");
  await intruder.getByRole("button", { name: "Create account" }).click();
  await expect(intruder.getByTestId("sign-up-sent")).toContainText(email);
  const [mail] = await mailsTo(email);
  expect(mail?.subject).toBe("You already have an account");
});

test("the dev outbox is in the admin console, in both languages", async ({ browser }) => {
  for (const language of ["en", "zh"] as const) {
    const { context, page } = await adminSession(browser, language);
    await page.goto(`/admin/outbox?to=${encodeURIComponent(e2eAdmin.email)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(language === "zh" ? "发件箱" : "Mail outbox");
    await page.goto("/admin/outbox");
    await expect(page.getByTestId("outbox-mail").first()).toBeVisible();
    await screenshot(page, `admin-outbox-${language}`);
    await context.close();
  }
});
