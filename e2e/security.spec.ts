import { expect, test } from "./csp-guard";
import { e2eAdmin } from "./accounts";
import { signUp, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

test("pages and APIs carry the security headers", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/api/payment-methods"]) {
    const response = await request.get(path);
    const headers = response.headers();
    // Pages get their policy from proxy.ts; JSON answers run no scripts and get none.
    if (!path.startsWith("/api/")) {
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    }
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-powered-by"], path).toBeUndefined();
    expect(headers["strict-transport-security"], path).toBe("max-age=31536000");
  }
});

test("a page's scripts run by a nonce of its own, never because inline scripts are allowed", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/sign-in"]) {
    const response = await request.get(path);
    const policy = response.headers()["content-security-policy"] ?? "";
    const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).toContain("'strict-dynamic'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce ?? "");
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  // Each response has its own nonce, so one seen in a page cannot be reused in another.
  expect(nonces.size).toBe(3);
});

test("a state-changing request from another site is refused, even with the user's session", async ({ page }) => {
  await signUp(page, uniqueEmail("csrf"), "csrf1234");
  const packages = await page.request.get("/api/payment-methods");
  expect(packages.status()).toBe(200);
  const forged = await page.request.post("/api/orders", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { packageId: "x", provider: "WECHAT", channel: "QR", clientKey: "forged-123" },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { code: "FORBIDDEN", message: "cross_site_request" } });
  const orders = await page.request.get("/api/orders");
  expect(((await orders.json()) as { total: number }).total).toBe(0);
});

// Each lands on a page of the app, never on evil.example, and never answers 500.
const openRedirects = [
  "/%09/evil.example/phish",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/%0d%0aSet-Cookie:%20hacked=1",
  "%0d%0a//evil.example",
  "https://evil.example/phish",
  "//evil.example/phish",
  "https:evil.example",
];

test("return paths that would leave the app land on a page of the app, before and after signing in", async ({
  page,
}) => {
  const email = uniqueEmail("redirect");
  await signUp(page, email, "redirect1234");
  const origin = new URL(page.url()).origin;
  // Signed in: the sign-in page sends the visitor on at once.
  for (const callbackUrl of openRedirects) {
    const response = await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    expect(response?.status(), callbackUrl).toBeLessThan(500);
    expect(new URL(page.url()).origin, callbackUrl).toBe(origin);
    await expect(page.getByRole("banner")).toBeVisible();
  }
  await page.context().clearCookies();
  // Signing in with them.
  for (const callbackUrl of openRedirects.slice(0, 3)) {
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("redirect1234");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("balance")).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(origin);
    await page.context().clearCookies();
  }
});

test("next-auth's routes refuse a 50 MB body with 413", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: Buffer.alloc(50 * 1024 * 1024, "a"),
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
});

test("client addresses come from the socket: forged headers change nothing", async ({ playwright }) => {
  const forged = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: {
      "x-forwarded-for": "6.6.6.6",
      "x-recharge-client-address": "7.7.7.7",
      "user-agent": "forger/1",
    },
  });
  const { csrfToken } = (await (await forged.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await forged.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: e2eAdmin.email, password: e2eAdmin.password, json: "true" },
  });
  expect(signedIn.ok()).toBe(true);
  const audit = (await (await forged.get("/api/admin/audit?action=admin.sign_in&pageSize=1")).json()) as {
    entries: { actorAddress: string | null; actorUserAgent: string | null }[];
  };
  expect(audit.entries[0]).toMatchObject({ actorAddress: "127.0.0.1", actorUserAgent: "forger/1" });
  await forged.dispose();
});
