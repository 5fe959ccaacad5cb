import { expect, test } from "./csp-guard";
import { e2eAdmin } from "./accounts";
import { screenshot, signIn, signUp, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

test("anonymous visitors are sent to sign in, and admin APIs answer 401", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
  expect((await request.get("/api/admin/users")).status()).toBe(401);
});

test("a normal user is refused the admin page (403) and the admin API", async ({ page }) => {
  await signUp(page, uniqueEmail("user"), "user1234");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);

  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
  await screenshot(page, "admin-forbidden-en");

  const api = await page.request.get("/api/admin/users");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: { code: "FORBIDDEN", message: "admin_only" } });
});

test("the admin from ADMIN_EMAIL sees the admin page after signing in", async ({ page }) => {
  await page.goto("/admin");
  await page.getByLabel("Email").fill(e2eAdmin.email);
  await page.getByLabel("Password").fill(e2eAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin console" })).toBeVisible();

  const api = await page.request.get(`/api/admin/users?pageSize=5&q=${encodeURIComponent(e2eAdmin.email)}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { users: { email: string; passwordHash?: string }[] };
  expect(body.users.some((user) => user.email === e2eAdmin.email)).toBe(true);
  expect(JSON.stringify(body)).not.toContain("argon2");
  await screenshot(page, "admin-overview-en");
});

test("signing in returns to where the visitor was headed, and only within the site", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signIn(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});
