import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

test.use({ locale: "en-US" });

test("pages and APIs carry the security headers", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/api/payment-methods"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-powered-by"], path).toBeUndefined();
    expect(headers["strict-transport-security"], path).toBe("max-age=31536000");
  }
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
