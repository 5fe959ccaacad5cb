import { readFileSync } from "node:fs";
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { adminScreenshot, adminSession, json } from "./admin-helpers";
import { screenshot, signUp, uniqueEmail } from "./helpers";

test.describe.configure({ mode: "serial" });

let codes: string[] = [];

/** A freshly signed-up user in the given language. */
async function newUser(browser: Browser, locale: "en" | "zh"): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "zh" ? "zh-CN" : "en-US" });
  const page = await context.newPage();
  await signUp(page, uniqueEmail(`redeem-${locale}`), "user12345");
  return page;
}

test("an admin creates a batch and downloads its codes once; a second download is refused", async ({ browser }) => {
  const { context, page } = await adminSession(browser);
  await page.goto("/admin/redemption-batches");
  await page.getByLabel("Name", { exact: true }).fill("E2E launch");
  await page.getByLabel("Category").selectOption("PROMOTIONAL");
  await page.getByLabel("Number of codes (at most 10,000)").fill("3");
  await page.getByLabel("Credits per code").fill("120");
  await page.getByLabel("Redemption deadline: codes must be redeemed before").fill("2099-12-31T23:59");
  await page.getByLabel("Credit validity: credits expire this many days after redemption").fill("3");
  await page.getByLabel("Codes of this batch one user may redeem").fill("1");
  await page.getByRole("button", { name: "Create batch" }).click();
  await expect(page.getByText("Batch created with 3 codes.")).toBeVisible();
  await adminScreenshot(page, "admin-redemption-created-en");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download codes (once)" }).first().click(),
  ]);
  const csv = readFileSync(await download.path(), "utf8");
  const [header, ...lines] = csv.trim().split("\n");
  expect(header).toBe("code,credits,category,redeem_by,credit_validity_days");
  codes = lines.map((line) => line.split(",")[0] ?? "");
  expect(codes).toHaveLength(3);
  for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){4}$/);

  const row = page.getByTestId("batch-row").filter({ hasText: "E2E launch" });
  await expect(row.getByText("Downloaded")).toBeVisible();
  const batchId = /redemption-codes-(.+)\.csv/.exec(download.suggestedFilename())?.[1] ?? "";
  const again = await page.request.post(`/api/admin/redemption-batches/${batchId}/codes`, { data: {} });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ error: { message: "codes_already_downloaded" } });
  await adminScreenshot(page, "admin-redemption-batches-en");

  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "兑换码", level: 1 })).toBeVisible();
  await expect(page.getByLabel("兑换截止时间：兑换码须在此之前兑换")).toBeVisible();
  await expect(page.getByLabel("积分有效期：兑换后多少天积分到期")).toBeVisible();
  await adminScreenshot(page, "admin-redemption-batches-zh");
  await context.close();
});

test("a user redeems a code and sees the credits, their expiry in history, and the expiry notice (en)", async ({
  browser,
}) => {
  const page = await newUser(browser, "en");
  await page.goto("/redeem");
  await page.getByRole("textbox", { name: "Redemption code" }).fill("AAAA-BBBB-CCCC-DDDD-EEEE");
  await page.getByRole("button", { name: "Redeem" }).click();
  await expect(page.getByTestId("redeem-error")).toHaveText("This code does not exist. Check it for typos.");
  await page.getByRole("textbox", { name: "Redemption code" }).fill((codes[0] ?? "").toLowerCase());
  await page.getByRole("button", { name: "Redeem" }).click();
  await expect(page.getByTestId("redeem-success")).toContainText("120 credits added. They expire on");
  await expect(page.getByTestId("header-balance")).toContainText("120");
  await screenshot(page, "redeem-success-en");
  await page.getByRole("textbox", { name: "Redemption code" }).fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Redeem" }).click();
  await expect(page.getByTestId("redeem-error")).toHaveText("This code has already been redeemed.");
  await page.getByRole("textbox", { name: "Redemption code" }).fill(codes[1] ?? "");
  await page.getByRole("button", { name: "Redeem" }).click();
  await expect(page.getByTestId("redeem-error")).toHaveText(
    "You have already redeemed as many codes of this kind as allowed.",
  );
  await screenshot(page, "redeem-error-en");

  await page.goto("/ledger");
  const row = page.getByTestId("ledger-row").first();
  await expect(row).toContainText("Code redeemed");
  await expect(row.getByTestId("entry-lots")).toContainText("Promotional");
  await expect(row.getByTestId("entry-lots")).toContainText("expires");
  await expect(page.getByTestId("expiry-notice")).toContainText("120 credits expire on");
  await screenshot(page, "ledger-lots-en");
  await page.goto("/");
  await expect(page.getByTestId("expiry-notice")).toContainText("120 credits expire on");
  await screenshot(page, "home-expiry-en");
  await page.context().close();
});

test("a user redeems a code in Chinese", async ({ browser }) => {
  const page = await newUser(browser, "zh");
  await page.goto("/redeem");
  await expect(page.getByRole("heading", { name: "兑换码", level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: "兑换码" }).fill(codes[1] ?? "");
  await page.getByRole("button", { name: "兑换", exact: true }).click();
  await expect(page.getByTestId("redeem-success")).toContainText("已加入 120 积分，有效期至");
  await screenshot(page, "redeem-success-zh");
  await page.goto("/ledger");
  await expect(page.getByTestId("ledger-row").first()).toContainText("兑换码");
  await expect(page.getByTestId("entry-lots").first()).toContainText("赠送");
  await expect(page.getByTestId("expiry-notice")).toContainText("120 积分将于");
  await screenshot(page, "ledger-lots-zh");
  await page.goto("/");
  await expect(page.getByTestId("expiry-notice")).toBeVisible();
  await screenshot(page, "home-expiry-zh");
  await page.context().close();
});

test("an admin grants a lot to a user, then voids its remainder after confirming", async ({ browser }) => {
  const user = await newUser(browser, "en");
  const me = await json<{ user: { id: string } }>(await user.request.get("/api/me"));
  const { context, page } = await adminSession(browser);
  await page.goto(`/admin/users/${me.user.id}`);
  const grant = page.getByRole("form", { name: "Grant credits" });
  await grant.getByLabel("Credits").fill("250");
  await grant.getByLabel("Category").selectOption("PROMOTIONAL");
  await grant.getByLabel("Expires on (optional)").fill("2099-06-30");
  await grant.getByLabel("Reason for the grant (required)").fill("E2E goodwill");
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(grant.getByText("Granted 250 credits.")).toBeVisible();
  const lot = page.getByTestId("lot-row").filter({ hasText: "Admin grant" });
  await expect(lot.getByTestId("lot-remaining")).toHaveText("250");
  await expect(page.getByTestId("user-balance")).toHaveText("250");
  await adminScreenshot(page, "admin-user-lots-en");

  await lot.getByRole("button", { name: "Void remainder" }).click();
  const confirm = page.getByRole("group", { name: "Void the remaining 250 credits of this lot?" });
  await confirm.getByLabel("Reason (required)").fill("E2E granted by mistake");
  await confirm.getByRole("button", { name: "Void", exact: true }).click();
  await expect(lot.getByText("Voided")).toBeVisible();
  await expect(lot.getByTestId("lot-remaining")).toHaveText("0");
  await expect(page.getByTestId("user-balance")).toHaveText("0");
  await adminScreenshot(page, "admin-user-lot-voided-en");

  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("form", { name: "发放积分" })).toBeVisible();
  await expect(page.getByTestId("lot-row").filter({ hasText: "管理员发放" }).getByText("已作废")).toBeVisible();
  await adminScreenshot(page, "admin-user-lots-zh");
  await context.close();
  await user.context().close();
});
