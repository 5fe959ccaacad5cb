import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  adminApis,
  adminPages,
  adminServerActionFiles,
  adminSession,
  concretePath,
  json,
  packageIdByPrice,
  placeOrder,
  userSession,
  type ConfigView,
  type RouteIds,
} from "./admin-helpers";

/**
 * Every admin page and every admin API method, enumerated from the route tree (not a hand-made
 * list), refuses anonymous visitors (sign-in / 401) and normal users (403), and a refused
 * request changes nothing.
 */

const pages = adminPages();
const apis = adminApis();

async function send(request: APIRequestContext, method: string, url: string) {
  const body = method === "GET" || method === "HEAD" || method === "DELETE" ? {} : { data: {} };
  return request.fetch(url, { method, maxRedirects: 0, ...body });
}

async function auditTotal(admin: APIRequestContext): Promise<number> {
  return (await json<{ total: number }>(await admin.get("/api/admin/audit?pageSize=1"))).total;
}

test.describe("admin authorization", () => {
  let ids: RouteIds;

  test.beforeAll(async ({ browser }) => {
    const admin = await adminSession(browser);
    const user = await userSession(browser);
    const { configs } = await json<{ configs: ConfigView[] }>(
      await admin.page.request.get("/api/admin/payment-configs"),
    );
    const packageId = await packageIdByPrice(admin.page.request, 600);
    const order = await placeOrder(user.page, packageId, "ALIPAY");
    const { users } = await json<{ users: { id: string; email: string }[] }>(
      await admin.page.request.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`),
    );
    ids = { configId: configs[0]!.id, orderNo: order.orderNo, userId: users[0]!.id, packageId };
    await admin.context.close();
    await user.context.close();
  });

  test("the route tree was found, with the routes this console is known to have", () => {
    expect(pages.map((page) => page.pattern)).toEqual(
      expect.arrayContaining([
        "/admin",
        "/admin/transactions/[orderNo]",
        "/admin/payment-configs/[id]",
        "/admin/audit",
      ]),
    );
    expect(apis.length).toBeGreaterThanOrEqual(15);
    for (const api of apis) expect(api.methods.length, api.pattern).toBeGreaterThan(0);
  });

  test("there are no admin server actions that this test would miss", () => {
    expect(adminServerActionFiles()).toEqual([]);
  });

  test("anonymous visitors: pages send them to sign in, APIs answer 401", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const { pattern } of pages) {
      const url = concretePath(pattern, ids);
      const response = await anonymous.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(307);
      expect(response.headers().location, url).toContain(`/sign-in?callbackUrl=${encodeURIComponent(url)}`);
    }
    for (const { pattern, methods } of apis) {
      const url = concretePath(pattern, ids);
      for (const method of methods) {
        const response = await send(anonymous, method, url);
        expect(response.status(), `${method} ${url}`).toBe(401);
        expect(await response.json(), `${method} ${url}`).toEqual({
          error: { code: "UNAUTHENTICATED", message: "sign_in_required" },
        });
      }
    }
    await anonymous.dispose();
  });

  test("a normal user: pages answer 403, APIs answer 403 JSON, and nothing changes", async ({ browser }) => {
    const admin = await adminSession(browser);
    const user = await userSession(browser);
    const auditBefore = await auditTotal(admin.page.request);
    const configsBefore = await admin.page.request.get("/api/admin/payment-configs").then((r) => r.text());

    for (const { pattern } of pages) {
      const url = concretePath(pattern, ids);
      const response = await user.page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(user.page.getByRole("heading", { name: "Access denied" }), url).toBeVisible();
    }
    for (const { pattern, methods } of apis) {
      const url = concretePath(pattern, ids);
      for (const method of methods) {
        const response = await send(user.page.request, method, url);
        expect(response.status(), `${method} ${url}`).toBe(403);
        expect(await response.json(), `${method} ${url}`).toEqual({
          error: { code: "FORBIDDEN", message: "admin_only" },
        });
      }
    }

    expect(await auditTotal(admin.page.request)).toBe(auditBefore);
    expect(await admin.page.request.get("/api/admin/payment-configs").then((r) => r.text())).toBe(configsBefore);
    await admin.context.close();
    await user.context.close();
  });

  test("the admin gets every page and every GET API", async ({ browser }) => {
    const admin = await adminSession(browser);
    for (const { pattern } of pages) {
      const url = concretePath(pattern, ids);
      const response = await admin.page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(admin.page.getByRole("heading", { level: 1 }), url).toBeVisible();
      // A message key shown instead of its text means a translation is missing.
      expect(await admin.page.locator("body").innerText(), url).not.toMatch(/\bconsole\.\w+\.\w+/);
    }
    for (const { pattern, methods } of apis.filter((api) => api.methods.includes("GET"))) {
      const url = concretePath(pattern, ids);
      expect((await admin.page.request.get(url)).status(), `GET ${url} (${methods.join(",")})`).toBe(200);
    }
    await admin.context.close();
  });
});
