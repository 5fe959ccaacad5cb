import { expect, test } from "./csp-guard";
import { screenshot, signUp, uniqueEmail } from "./helpers";

test.describe("language from the browser", () => {
  test.use({ locale: "zh-CN" });

  test("a Chinese browser gets Chinese", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "积分套餐" })).toBeVisible();
    await screenshot(page, "home-signed-out-zh-desktop");
  });
});

test.describe("switching language", () => {
  test.use({ locale: "en-US" });

  test("switches between English and Chinese and remembers the choice", async ({ page }) => {
    await signUp(page, uniqueEmail("lang"), "lang1234");
    await expect(page.getByRole("heading", { name: "Credit packages" })).toBeVisible();

    await page.getByLabel("Language").selectOption("zh");
    await expect(page.getByRole("heading", { name: "积分套餐" })).toBeVisible();
    await expect(page.getByTestId("balance")).toHaveText("0 积分");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await screenshot(page, "home-signed-in-zh-desktop");

    await page.reload();
    await expect(page.getByRole("heading", { name: "积分套餐" })).toBeVisible();

    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByRole("heading", { name: "Credit packages" })).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ locale: "zh-CN", viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

  test("the home page fits a 360 px screen", async ({ page }) => {
    await signUp(page, uniqueEmail("phone"), "phone1234");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "home-signed-in-zh-phone");
  });
});
