import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./csp-guard";
import { Webhook } from "standardwebhooks";
import { adminScreenshot, adminSession, packageIdByPrice, placeOrder, waitForOrderStatus } from "./admin-helpers";
import { payOnPhone, signUp, uniqueEmail } from "./helpers";

interface Delivery {
  headers: Record<string, string>;
  body: string;
}

/** The operator's receiver: records what arrives; the test verifies it as an operator would. */
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];

test.beforeAll(async () => {
  receiver = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const headers = Object.fromEntries(
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(incoming.headers[name])]),
      );
      deliveries.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      outgoing.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/credits`;
});

test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

test("an admin creates a key and an endpoint; a sandbox payment reaches the endpoint as a signed order.paid", async ({
  browser,
}) => {
  const { context, page } = await adminSession(browser);
  await page.goto("/admin/developers");
  await expect(page.getByRole("heading", { name: "Developers", level: 1 })).toBeVisible();

  const keyForm = page.getByRole("form", { name: "New API key" });
  await keyForm.getByLabel("Name").fill("e2e operator app");
  await keyForm.getByLabel("credits:grant").check();
  await keyForm.getByRole("button", { name: "Create key" }).click();
  const apiKey = await keyForm.getByTestId("secret-once").inputValue();
  expect(apiKey).toMatch(/^rk_test_[A-Za-z0-9_-]{43}$/);

  const endpointForm = page.getByRole("form", { name: "New webhook endpoint" });
  await endpointForm.getByLabel("Endpoint URL").fill("ftp://example.com/hooks");
  await endpointForm.getByRole("button", { name: "Add endpoint" }).click();
  await expect(endpointForm.getByText("Only http and https URLs can receive webhooks.")).toBeVisible();
  await endpointForm.getByLabel("Endpoint URL").fill(receiverUrl);
  await endpointForm.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await endpointForm.getByTestId("secret-once").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await expect(page.getByTestId("api-key-row").filter({ hasText: "e2e operator app" })).toBeVisible();
  await expect(page.getByTestId("endpoint-row").filter({ hasText: receiverUrl })).toBeVisible();
  await adminScreenshot(page, "admin-developers-en");

  // A user pays a sandbox order.
  const userContext = await browser.newContext({ locale: "en-US" });
  const user = await userContext.newPage();
  const email = uniqueEmail("service-api");
  await signUp(user, email, "service1234");
  const order = await placeOrder(user, await packageIdByPrice(context.request, 600), "WECHAT");
  await payOnPhone(browser, order.payUrl!);
  await waitForOrderStatus(user, order.orderNo, "PAID");

  const verifier = new Webhook(secret);
  await expect
    .poll(
      () =>
        deliveries
          .map(
            (delivery) =>
              verifier.verify(delivery.body, delivery.headers) as { type: string; data: { orderNo?: string } },
          )
          .find((event) => event.type === "order.paid" && event.data.orderNo === order.orderNo),
      { timeout: 20_000 },
    )
    .toBeTruthy();

  // The operator's app reads and spends the new credits with the key.
  const bearer = { authorization: `Bearer ${apiKey}` };
  const found = await context.request.get(`/api/v1/users?email=${encodeURIComponent(email)}`, { headers: bearer });
  expect(found.status()).toBe(200);
  const { id } = (await found.json()) as { id: string };
  const debit = await context.request.post(`/api/v1/users/${id}/debits`, {
    headers: { ...bearer, "idempotency-key": `e2e-${order.orderNo}` },
    data: { amount: 10, reason: "e2e" },
  });
  expect(debit.status(), await debit.text()).toBe(201);
  expect(await debit.json()).toMatchObject({ entry: { delta: -10 } });

  // The delivery log shows it.
  await page.goto("/admin/developers");
  await page
    .getByTestId("endpoint-row")
    .filter({ hasText: receiverUrl })
    .getByRole("link", { name: "Delivery log" })
    .click();
  await expect(page.getByTestId("delivery-row").filter({ hasText: "order.paid" })).toBeVisible();
  await adminScreenshot(page, "admin-webhook-deliveries-en");

  await userContext.close();
  await context.close();
});

test("the console's Developers page in Chinese", async ({ browser }) => {
  const { context, page } = await adminSession(browser, "zh");
  await page.goto("/admin/developers");
  await expect(page.getByRole("heading", { name: "开发者", level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "新建 API 密钥" })).toBeVisible();
  await adminScreenshot(page, "admin-developers-zh");
  const row = page.getByTestId("endpoint-row").first();
  if (await row.count()) {
    await row.getByRole("link", { name: "投递记录" }).click();
    await expect(page.getByRole("heading", { name: "Webhook 投递记录", level: 1 })).toBeVisible();
    await adminScreenshot(page, "admin-webhook-deliveries-zh");
  }
  await context.close();
});

test("the API reference renders from /api/v1/openapi.json, served from this origin", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(new URL(page.url() || "http://127.0.0.1").origin) && request.url().startsWith("http"))
      outside.push(request.url());
  });
  await page.goto("/api/v1/reference");
  await expect(page.getByText("Credits API").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("/users/{id}/debits").first()).toBeVisible();
  await adminScreenshot(page, "api-reference");
  expect(outside.filter((url) => !url.startsWith("http://127.0.0.1"))).toEqual([]);
});
