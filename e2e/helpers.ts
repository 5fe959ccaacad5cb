import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

let counter = 0;

export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@e2e.test`;
}


export async function signUp(page: Page, email: string, password: string) {
  await page.goto("/sign-up");
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /^(Create account|注册)$/ }).click();
  await expect(page.getByTestId("balance")).toBeVisible();
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
