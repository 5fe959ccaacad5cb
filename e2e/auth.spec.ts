import { expect, test } from "./csp-guard";
import { screenshot, signIn, signOut, signUp, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

test("a new user signs up, sees balance 0 and the packages, signs out and back in", async ({ page }) => {
  const email = uniqueEmail("new");
  await signUp(page, email, "pass1234word");
  await expect(page.getByTestId("balance")).toHaveText("0 credits");
  await expect(page.getByTestId("header-balance")).toContainText("0");
  await expect(page.getByTestId("package-card")).toHaveCount(4);
  await expect(page.getByTestId("package-card").first()).toContainText("¥6.00");
  await expect(page.getByText("Best value")).toBeVisible();
  await screenshot(page, "home-signed-in-en-desktop");

  await signOut(page);
  await expect(page.getByTestId("balance")).toHaveCount(0);

  await signIn(page, email, "pass1234word");
  await expect(page.getByTestId("balance")).toHaveText("0 credits");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  const email = uniqueEmail("wrong");
  await signUp(page, email, "right1234");
  await signOut(page);
  await signIn(page, email, "wrong1234");
  await expect(page.locator("main").getByRole("alert")).toContainText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  await screenshot(page, "sign-in-error-en");
});

test("sign-up explains a weak password", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password too weak", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "sign-up-errors-en");
});
