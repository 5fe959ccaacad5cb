import { type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { e2eAdmin } from "./accounts";
import { adminSession, json, packageIdByPrice, placeOrder, waitForOrderStatus, type ConfigView } from "./admin-helpers";
import { e2eServers, payOnPhone, signUp, uniqueEmail } from "./helpers";
import {
  builtServerActions,
  concretePath,
  handlerRoutes,
  pageRoutes,
  serverActions,
  type HttpMethod,
  type RouteIds,
} from "./route-tree";

/**
 * The authorization matrix: every page, route handler method and server action of the app,
 * enumerated from the route tree, against four callers (anonymous, user A, user B, admin).
 * Each cell has one exact expected answer; B never sees a trace of A's orders, and requests
 * that are refused change nothing.
 */

// ---- The policy table.

/**
 * - public: the same answer to everyone.
 * - guest: sign-in and sign-up; a signed-in visitor is sent home.
 * - user: any signed-in user, who only ever sees their own data.
 * - owner: one of user A's orders. To anyone else it does not exist: the answer is the one for
 *   an order number nobody has (404 from the APIs), never a 403 that would confirm it exists.
 * - admin: the console; anonymous callers sign in first, other users are refused (403).
 * - provider: payment and refund notifies, authenticated by the provider's signature, never by
 *   a session: a bare POST gets the provider protocol's failure answer, whoever sends it.
 * - sandbox: the fake provider (only while SANDBOX_ENABLED): merchant-signed APIs, and the
 *   payer's phone page, whose unguessable trade id is the capability (a phone is not signed in).
 * - bench: the benchmark's baseline route, absent (404) unless BENCH_ENABLED=true.
 * - next-auth: next-auth's own endpoints; sign-in and sign-out need its CSRF token.
 * - api: the operator's service API (/api/v1), authenticated by an API key with the scope the
 *   operation needs, never by a session: every signed-in persona gets the keyless 401. Keys with
 *   and without the scope are probed in their own test below.
 */
type Access = "public" | "guest" | "user" | "owner" | "admin" | "provider" | "sandbox" | "bench" | "next-auth" | "api";

/** What a caller gets back. Only the fields given are checked. */
interface Answer {
  status: number;
  /** The whole JSON body. */
  json?: unknown;
  /** Fields the JSON body has (validation details may vary). */
  jsonLike?: Record<string, unknown>;
  /** The whole text body. */
  text?: string;
  /** Where a 3xx sends the caller. */
  location?: string;
  /** Text the HTML contains. */
  html?: string;
  /** The body is byte for byte the one this caller gets for this other URL (the ids they end in swapped). */
  sameAs?: string;
  /** A live event stream whose first event is the order. */
  orderEvents?: true;
}

interface HandlerRule {
  access: Access;
  /** The URL to call when the pattern has a catch-all segment. */
  path?: string;
  /** Let-through callers get an endless event stream: read up to its first event. */
  stream?: true;
  /** What a caller who is let through gets for the probe (a JSON `{}` body on writes); 200 by default. */
  allowed?: Answer;
}

interface ActionCall {
  args: unknown[];
  result: unknown;
}

interface ActionRule {
  access: Access;
  /** The page the action is posted to, as its form would. */
  page: (ids: MatrixIds) => string;
  calls: (ids: MatrixIds) => ActionCall[];
}

const apiError = (code: string, message: string) => ({ error: { code, message } });
const unauthenticated: Answer = { status: 401, json: apiError("UNAUTHENTICATED", "sign_in_required") };
const notAdmin: Answer = { status: 403, json: apiError("FORBIDDEN", "admin_only") };
const noSuchOrder: Answer = { status: 404, json: apiError("NOT_FOUND", "order_not_found") };
const invalidInput: Answer = { status: 400, jsonLike: apiError("VALIDATION", "invalid_input") };
const notPayableThisWay: Answer = { status: 409, json: apiError("CONFLICT", "order_not_payable") };
const noSuchConfig: Answer = { status: 404, json: apiError("NOT_FOUND", "payment_config_not_found") };
const noSuchBatch: Answer = { status: 404, json: apiError("NOT_FOUND", "batch_not_found") };
const noApiKey: Answer = { status: 401, jsonLike: { error: { code: "invalid_api_key" } } };

const user: HandlerRule = { access: "user" };
const owner: HandlerRule = { access: "owner" };
const api: HandlerRule = { access: "api" };
const admin: HandlerRule = { access: "admin" };
/** An admin write, probed with ids that name nothing and an empty body: let through, changes nothing. */
const adminWrite = (allowed: Answer): HandlerRule => ({ access: "admin", allowed });
// Alipay's gateway answers 200 with an error_response; unsigned calls never reach a method.
const alipayGateway = (code: string, subCode: string): HandlerRule => ({
  access: "sandbox",
  allowed: { status: 200, jsonLike: { error_response: { code, sub_code: subCode } } },
});
const wechatApi: HandlerRule = {
  access: "sandbox",
  path: "/sandbox/wechat/v3/pay/transactions/native",
  allowed: { status: 401, jsonLike: { code: "SIGN_ERROR" } },
};

const pagePolicy: Record<string, Access> = {
  "/": "public",
  "/sign-in": "guest",
  "/sign-up": "guest",
  "/forgot-password": "public",
  "/reset-password": "public",
  "/verify-email": "public",
  "/account": "user",
  "/recharge": "user",
  "/orders": "user",
  "/ledger": "user",
  "/redeem": "user",
  "/orders/[orderNo]": "owner",
  "/admin": "admin",
  "/admin/audit": "admin",
  "/admin/developers": "admin",
  "/admin/webhooks/[id]": "admin",
  "/admin/outbox": "admin",
  "/admin/settings": "admin",
  "/admin/packages": "admin",
  "/admin/packages/[id]": "admin",
  "/admin/redemption-batches": "admin",
  "/admin/payment-configs": "admin",
  "/admin/payment-configs/new": "admin",
  "/admin/payment-configs/[id]": "admin",
  "/admin/transactions": "admin",
  "/admin/transactions/[orderNo]": "admin",
  "/admin/reconciliation": "admin",
  "/admin/users": "admin",
  "/admin/users/[id]": "admin",
  "/sandbox/pay/[tradeId]": "sandbox",
  "/sandbox/cashier/[tradeId]": "sandbox",
};

const handlerPolicy: Record<string, Partial<Record<HttpMethod, HandlerRule>>> = {
  "/api/me": { GET: user },
  "/api/payment-methods": { GET: user },
  "/api/ledger": { GET: user },
  "/api/orders": { GET: user, POST: { access: "user", allowed: invalidInput } },
  "/api/orders/[orderNo]": { GET: owner },
  "/api/orders/[orderNo]/events": {
    GET: { access: "owner", stream: true, allowed: { status: 200, orderEvents: true } },
  },
  "/api/orders/[orderNo]/check": { POST: owner },
  // A's order is a QR order: JSAPI parameters and WeChat's OAuth are for JSAPI orders only, a
  // website cashier for PAGE orders only.
  "/api/orders/[orderNo]/jsapi": { POST: { access: "owner", allowed: notPayableThisWay } },
  "/api/orders/[orderNo]/wechat-auth": { GET: { access: "owner", allowed: notPayableThisWay } },
  "/api/orders/[orderNo]/cashier": { GET: { access: "owner", allowed: notPayableThisWay } },
  // Alipay's return_url: anyone's browser may land here; an unsigned return only shows the orders.
  "/pay/return/[configId]": { GET: { access: "public", allowed: { status: 303, location: "/orders" } } },
  "/api/wechat/oauth/callback": { GET: { access: "user", allowed: invalidInput } },
  // A's own cancel really closes the order: it is the last write of the matrix (user A runs last).
  "/api/orders/[orderNo]/cancel": {
    POST: {
      access: "owner",
      allowed: { status: 200, jsonLike: { order: { status: "CLOSED", closeReason: "CANCELLED" } } },
    },
  },
  "/api/redeem": { POST: { access: "user", allowed: invalidInput } },
  "/api/sign-up": { POST: { access: "public", allowed: invalidInput } },
  "/api/account/password-reset": { POST: { access: "public", allowed: invalidInput } },
  "/api/account/password-reset/confirm": { POST: { access: "public", allowed: invalidInput } },
  "/api/account/verify-email": { POST: { access: "public", allowed: invalidInput } },
  "/api/account/password": { POST: { access: "user", allowed: invalidInput } },
  // The probe's empty body does not confirm, so nobody's sessions end mid-matrix.
  "/api/account/sign-out-everywhere": { POST: { access: "user", allowed: invalidInput } },
  "/api/auth/[...nextauth]": {
    GET: { access: "next-auth", path: "/api/auth/session" },
    POST: { access: "next-auth", path: "/api/auth/signout" },
  },
  "/api/notify/[provider]/[configId]": { POST: { access: "provider" } },
  "/api/notify/[provider]/[configId]/refund": { POST: { access: "provider" } },
  "/api/bench/echo": { POST: { access: "bench", allowed: { status: 404, text: "not found" } } },
  "/sandbox/alipay/gateway.do": {
    GET: alipayGateway("40001", "isv.missing-app-id"),
    // The probe's JSON body is no form Alipay reads.
    POST: alipayGateway("40002", "isv.invalid-parameter"),
  },
  "/sandbox/wechat/v3/[...path]": { GET: wechatApi, POST: wechatApi },
  // The download URL's token is the capability; one that names no bill is refused to everyone.
  "/sandbox/alipay/bills/[token]": {
    GET: {
      access: "sandbox",
      path: "/sandbox/alipay/bills/no-such-token",
      allowed: { status: 404, text: "link expired" },
    },
  },
  "/api/health": { GET: { access: "public", allowed: { status: 200, json: { status: "ok" } } } },
  "/api/ready": { GET: { access: "public", allowed: { status: 200, json: { status: "ready" } } } },
  // Prometheus' bearer token, not a session; without METRICS_TOKEN set the route does not exist.
  "/api/metrics": { GET: { access: "public", allowed: { status: 404, text: "not found" } } },
  "/api/admin/sandbox/faults": { POST: adminWrite(invalidInput) },
  "/api/admin/reconciliation": { GET: admin },
  "/api/admin/reconciliation/run": { POST: adminWrite(invalidInput) },
  "/api/admin/reconciliation/export": { GET: admin },
  "/api/admin/reconciliation/differences/[id]/resolve": {
    POST: { ...adminWrite(invalidInput), path: "/api/admin/reconciliation/differences/no-such-difference/resolve" },
  },
  "/sandbox/wechat/connect/oauth2/authorize": {
    GET: { access: "sandbox", allowed: { status: 400, text: "appid 错误 (errcode 10002)" } },
  },
  "/sandbox/wechat/sns/oauth2/access_token": {
    GET: { access: "sandbox", allowed: { status: 200, json: { errcode: 40013, errmsg: "invalid appid" } } },
  },
  "/sandbox/wechat/jsapi-bridge": {
    POST: { access: "sandbox", allowed: { status: 200, json: { err_msg: "get_brand_wcpay_request:fail" } } },
  },
  "/api/admin/audit": { GET: admin },
  "/api/admin/outbox": { GET: admin },
  "/api/admin/dashboard": { GET: admin },
  "/api/admin/packages": { GET: admin, POST: adminWrite(invalidInput) },
  "/api/admin/packages/order": { PUT: adminWrite(invalidInput) },
  "/api/admin/packages/[id]": { PATCH: adminWrite(invalidInput) },
  "/api/admin/packages/[id]/active": { POST: adminWrite(invalidInput) },
  "/api/admin/payment-configs": { GET: admin, POST: adminWrite(invalidInput) },
  "/api/admin/payment-configs/sandbox": { POST: adminWrite(invalidInput) },
  "/api/admin/payment-configs/[id]": { GET: admin, PATCH: adminWrite(invalidInput), DELETE: adminWrite(noSuchConfig) },
  "/api/admin/payment-configs/[id]/default": { POST: adminWrite(noSuchConfig) },
  "/api/admin/payment-configs/[id]/enabled": { POST: adminWrite(invalidInput) },
  "/api/admin/payment-configs/[id]/test": { POST: adminWrite(noSuchConfig) },
  "/api/admin/transactions": { GET: admin },
  "/api/admin/transactions/export": { GET: admin },
  "/api/admin/transactions/[orderNo]": { GET: admin },
  "/api/admin/transactions/[orderNo]/close": { POST: adminWrite(noSuchOrder) },
  "/api/admin/transactions/[orderNo]/refunds": { POST: adminWrite(invalidInput) },
  "/api/admin/transactions/[orderNo]/sync": { POST: adminWrite(noSuchOrder) },
  "/api/admin/users": { GET: admin },
  "/api/admin/users/[id]": { GET: admin },
  "/api/admin/users/[id]/adjustments": { POST: adminWrite(invalidInput) },
  "/api/admin/users/[id]/grants": { POST: adminWrite(invalidInput) },
  "/api/admin/users/[id]/lots/[lotId]/void": { POST: adminWrite(invalidInput) },
  "/api/admin/redemption-batches": { POST: adminWrite(invalidInput) },
  "/api/admin/redemption-batches/[id]/codes": { POST: adminWrite(noSuchBatch) },
  "/api/admin/redemption-batches/[id]/disable": { POST: adminWrite(noSuchBatch) },
  // The probe sends no JSON body, so nothing is voided: the body must confirm it.
  "/api/admin/wallet/sandbox-credits": {
    DELETE: adminWrite({ status: 415, jsonLike: apiError("UNSUPPORTED_MEDIA_TYPE", "json_required") }),
  },
  "/api/admin/api-keys": { GET: admin, POST: adminWrite(invalidInput) },
  "/api/admin/api-keys/[id]/revoke": {
    POST: adminWrite({ status: 404, json: apiError("NOT_FOUND", "api_key_not_found") }),
  },
  "/api/admin/webhooks": { GET: admin, POST: adminWrite(invalidInput) },
  "/api/admin/webhooks/[id]": { PATCH: adminWrite(invalidInput) },
  "/api/admin/webhooks/[id]/deliveries": { GET: admin },
  "/api/admin/webhook-deliveries/[id]/resend": {
    POST: adminWrite({ status: 404, json: apiError("NOT_FOUND", "webhook_delivery_not_found") }),
  },
  "/api/admin/wallet-settings": { PUT: adminWrite(invalidInput) },
  "/api/admin/display-settings": { PUT: adminWrite(invalidInput) },
  "/api/v1/openapi.json": { GET: { access: "public" } },
  "/api/v1/reference": { GET: { access: "public" } },
  "/api/v1/reference/[asset]": { GET: { access: "public", path: "/api/v1/reference/init.js" } },
  "/api/v1/users": { GET: api },
  "/api/v1/users/[id]": { GET: api, PATCH: api },
  "/api/v1/users/[id]/balance": { GET: api },
  "/api/v1/users/[id]/debits": { POST: api },
  "/api/v1/users/[id]/grants": { POST: api },
  "/api/v1/users/[id]/holds": { POST: api },
  "/api/v1/users/[id]/entries": { GET: api },
  "/api/v1/holds/[id]": { GET: api },
  "/api/v1/holds/[id]/capture": { POST: api },
  "/api/v1/holds/[id]/release": { POST: api },
  "/api/v1/events": { GET: api },
};

const actionPolicy: Record<string, ActionRule> = {
  // Guarded by requireSandbox() (a 404 with the sandbox off) and by the trade id, not by a
  // session: the payer's phone is not signed in. It cannot pay a trade twice.
  "app/sandbox/(phone)/pay/[tradeId]/actions.ts#payAction": {
    access: "sandbox",
    page: (ids) => `/sandbox/pay/${ids.tradeId}`,
    calls: (ids) => [
      { args: ["st_no_such_trade"], result: { ok: false, reason: "TRADE_NOT_FOUND" } },
      { args: [ids.paidTradeId], result: { ok: false, reason: "TRADE_PAID" } },
    ],
  },
  // The sandbox website cashier's poll: the trade id is the capability, and only a PAGE trade has a cashier.
  "app/sandbox/cashier/[tradeId]/actions.ts#cashierAction": {
    access: "sandbox",
    page: (ids) => `/sandbox/cashier/${ids.tradeId}`,
    calls: (ids) => [
      { args: ["st_no_such_trade"], result: { state: "NOT_FOUND", returnTo: null } },
      { args: [ids.tradeId], result: { state: "NOT_FOUND", returnTo: null } },
    ],
  },
};

// ---- The tree against the table.

const pages = pageRoutes();
const handlers = handlerRoutes();
/** An order number of the right shape that no order has. */
const ghostOrderNo = "R20260101AAAAAAAAAAAAAAAAAAAA";
/** Ids that name nothing: what the admin's writes are probed with, so that they change nothing. */
const ghostIds: RouteIds = {
  configId: "00000000-0000-0000-0000-000000000000",
  orderNo: ghostOrderNo,
  userId: "no-such-user",
  packageId: "no-such-package",
  tradeId: "st_no_such_trade",
  provider: "wechat",
  batchId: "no-such-batch",
  lotId: "no-such-lot",
  apiKeyId: "no-such-key",
  endpointId: "we_no_such_endpoint",
  deliveryId: "no-such-delivery",
  holdId: "hold_no_such_hold",
};

test("the policy table classifies every page, route handler method and server action, and nothing else", () => {
  const tree = [
    ...pages.map((page) => `page ${page.pattern}`),
    ...handlers.flatMap((route) => route.methods.map((method) => `${method} ${route.pattern}`)),
    ...serverActions().map((action) => `action ${action.file}#${action.name}`),
  ].sort();
  const table = [
    ...Object.keys(pagePolicy).map((pattern) => `page ${pattern}`),
    ...Object.entries(handlerPolicy).flatMap(([pattern, methods]) =>
      Object.keys(methods).map((method) => `${method} ${pattern}`),
    ),
    ...Object.keys(actionPolicy).map((key) => `action ${key}`),
  ].sort();
  expect(table, "rows missing from the table, or rows whose route is gone").toEqual(tree);
  for (const route of handlers)
    expect(route.methods.length, `no HTTP method read from ${route.file}`).toBeGreaterThan(0);
});

test("the server actions the build serves are the ones the source declares", () => {
  const built = [...builtServerActions().values()].map((action) => `${action.file}#${action.name}`).sort();
  const declared = serverActions()
    .map((action) => `${action.file}#${action.name}`)
    .sort();
  expect(built, "stale build? run `npx next build`").toEqual(declared);
});

// HEAD and OPTIONS are left out: Next.js answers them itself (HEAD through GET).
test("methods a route handler does not export answer 405", async ({ request }) => {
  for (const route of handlers) {
    const rule = Object.values(handlerPolicy[route.pattern] ?? {})[0];
    const url = rule?.path ?? concretePath(route.pattern, ghostIds);
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      if (route.methods.includes(method)) continue;
      const response = await request.fetch(url, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${url}`).toBe(405);
    }
  }
});

// The service API's keys: each operation of /api/v1, as its OpenAPI document declares it, with
// a key lacking its scope (403, whatever else the key may do) and a key holding only that scope
// (let through to the operation, which then finds nothing: ids that name nothing, an empty body).
test("API keys: every /api/v1 operation refuses a key without its scope and lets one with it through", async ({
  request,
  browser,
}) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const operations = Object.entries(document.paths as Record<string, Record<string, { "x-scope": string }>>).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, scope: operation["x-scope"] })),
  );
  const tree = handlers
    .filter(
      (route) => route.pattern.startsWith("/api/v1/") && ruleFor(route.pattern, route.methods[0]!).access === "api",
    )
    .flatMap((route) => route.methods.map((method) => `${method} ${route.pattern}`))
    .sort();
  expect(
    operations.map(({ path, method }) => `${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}`).sort(),
  ).toEqual(tree);

  const tab = await adminSession(browser);
  const admin = tab.context.request;
  const scopes = ["credits:read", "credits:spend", "credits:grant", "events:read"];
  const keyWith = async (granted: string[]) =>
    (
      await json<{ secret: string }>(
        await admin.post("/api/admin/api-keys", { data: { name: `matrix ${granted.join(" ")}`, scopes: granted } }),
      )
    ).secret;
  const keys = new Map<string, { with: string; without: string }>();
  for (const scope of scopes) {
    keys.set(scope, {
      with: await keyWith([scope]),
      without: await keyWith(scopes.filter((other) => other !== scope)),
    });
  }
  for (const operation of operations) {
    const url = `/api/v1${concretePath(operation.path.replace(/\{(\w+)\}/g, "[$1]"), { ...ghostIds, userId: "no-such-user" })}`;
    const key = keys.get(operation.scope)!;
    const send = (secret: string) =>
      request.fetch(url, {
        method: operation.method.toUpperCase(),
        headers: { authorization: `Bearer ${secret}`, "idempotency-key": "authz-matrix" },
        ...(operation.method === "get" ? {} : { data: {} }),
      });
    const refused = await send(key.without);
    expect(refused.status(), `${operation.method} ${url} without ${operation.scope}`).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "missing_scope" } });
    const allowed = await send(key.with);
    expect([200, 400, 404], `${operation.method} ${url} with ${operation.scope}`).toContain(allowed.status());
  }
  await tab.context.close();
});

// ---- The callers and their data.

type Persona = "anonymous" | "user A" | "user B" | "admin";

interface Caller {
  persona: Persona;
  email: string | null;
  request: APIRequestContext;
  /** The session cookie, for requests made outside Playwright (the event stream). */
  cookie: string;
  /** A browser tab, for what only a rendered page shows. */
  page: Page | null;
}

interface MatrixIds extends RouteIds {
  paidOrderNo: string;
  paidTradeId: string;
  configs: Record<"wechat" | "alipay", string>;
}

interface Received {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const english = { "accept-language": "en-US" };

function tradeIdOf(payUrl: string | null): string {
  const tradeId = payUrl && new URL(payUrl).pathname.match(/^\/sandbox\/pay\/([\w-]+)$/)?.[1];
  if (!tradeId) throw new Error(`not a sandbox payment URL: ${payUrl}`);
  return tradeId;
}

/** A's orders, ledger and balance, the audit log's size and the configs, as the admin and A read them. */
async function snapshot(callers: Record<Persona, Caller>) {
  const read = async (caller: Caller, url: string) => {
    const response = await caller.request.get(url);
    expect(response.status(), url).toBe(200);
    return response.text();
  };
  return {
    audit: JSON.parse(await read(callers.admin, "/api/admin/audit?pageSize=1")).total as number,
    configs: await read(callers.admin, "/api/admin/payment-configs"),
    orders: await read(callers["user A"], "/api/orders?pageSize=50"),
    ledger: await read(callers["user A"], "/api/ledger?pageSize=50"),
    me: await read(callers["user A"], "/api/me"),
  };
}

// ---- Sending a probe and checking the answer.

async function receive(caller: Caller, method: HttpMethod, url: string): Promise<Received> {
  const withBody = method === "POST" || method === "PUT" || method === "PATCH";
  const response = await caller.request.fetch(url, { method, maxRedirects: 0, ...(withBody ? { data: {} } : {}) });
  return { status: response.status(), headers: response.headers(), text: await response.text() };
}

/** An event stream never ends: read up to its first order event, then hang up. */
async function receiveEvents(caller: Caller, url: string): Promise<Received> {
  const response = await fetch(new URL(url, e2eServers.main), {
    headers: { cookie: caller.cookie, ...english },
    redirect: "manual",
    signal: AbortSignal.timeout(15_000),
  });
  const headers = Object.fromEntries(response.headers);
  if (!headers["content-type"]?.startsWith("text/event-stream") || !response.body) {
    return { status: response.status, headers, text: await response.text() };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!/event: order\ndata: .*\n\n/.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return { status: response.status, headers, text };
}

interface Probe {
  method: HttpMethod;
  url: string;
  answer: Answer;
  stream?: true;
  /** How a failure names it; the method and URL by default. */
  label?: string;
}

/** The last path segment: the order number or id a URL names. */
const lastSegment = (url: string) => url.split("/").at(-1) ?? "";

/** Sends the probe as this caller and checks the answer. */
async function check(caller: Caller, { method, url, answer, stream, label }: Probe) {
  const received = stream ? await receiveEvents(caller, url) : await receive(caller, method, url);
  const where = `${caller.persona}: ${label ?? `${method} ${url}`}`;
  expect(received.status, `${where} answered ${received.text.slice(0, 300)}`).toBe(answer.status);
  if (answer.json !== undefined) expect(JSON.parse(received.text), where).toEqual(answer.json);
  if (answer.jsonLike !== undefined) expect(JSON.parse(received.text), where).toMatchObject(answer.jsonLike);
  if (answer.text !== undefined) expect(received.text, where).toBe(answer.text);
  if (answer.location !== undefined) expect(received.headers.location, where).toBe(answer.location);
  // A boolean, not toContain: a whole page in a failure message hides the message.
  const contains = (part: string) => expect(received.text.includes(part), `${where} lacks ${part}`).toBe(true);
  if (answer.html !== undefined) contains(answer.html);
  if (answer.orderEvents) {
    expect(received.headers["content-type"], where).toMatch(/^text\/event-stream/);
    const data = received.text.match(/event: order\ndata: (.*)\n\n/)?.[1];
    expect(data, where).toBeDefined();
    expect(JSON.parse(data!), where).toMatchObject({ order: { orderNo: url.split("/").at(-2) } });
  }
  if (answer.sameAs !== undefined) {
    const other = await receive(caller, "GET", answer.sameAs);
    // Each page carries its own CSP nonce; everything else must be the same, byte for byte.
    const masked = (text: string, id: string) => {
      const nonce = /nonce="([^"]+)"/.exec(text)?.[1];
      const same = text.replaceAll(id, "<id>");
      return nonce ? same.replaceAll(nonce, "<nonce>") : same;
    };
    expect(masked(received.text, lastSegment(url)), `${where} differs from ${answer.sameAs}`).toBe(
      masked(other.text, lastSegment(answer.sameAs)),
    );
  }
}

// ---- What each caller should get.

// proxy.ts answers before any page streams, so pages under a loading boundary redirect too.
function signInFirst(url: string): Answer {
  return { status: 307, location: `/sign-in?callbackUrl=${encodeURIComponent(url)}` };
}

function pageAnswer(access: Access, url: string, persona: Persona): Answer {
  const ok: Answer = { status: 200 };
  switch (access) {
    case "public":
    case "sandbox":
      return ok;
    case "guest":
      return persona === "anonymous" ? ok : { status: 307, location: "/" };
    case "user":
      return persona === "anonymous" ? signInFirst(url) : ok;
    case "owner":
      if (persona === "anonymous") return signInFirst(url);
      if (persona === "user A") return ok;
      // Streamed, so notFound() cannot set the status: the page is that of an order nobody has.
      return { status: 200, html: "Page not found", sameAs: url.replace(/[^/]+$/, ghostOrderNo) };
    case "admin":
      if (persona === "anonymous") return signInFirst(url);
      return persona === "admin" ? ok : { status: 403, html: "Access denied" };
    default:
      throw new Error(`no page answer for access ${access}`);
  }
}

function handlerAnswer(rule: HandlerRule, method: HttpMethod, url: string, caller: Caller): Answer {
  const allowed = rule.allowed ?? { status: 200 };
  const persona = caller.persona;
  switch (rule.access) {
    case "public":
    case "sandbox":
    case "bench":
      return allowed;
    case "api":
      return noApiKey;
    case "user":
      return persona === "anonymous" ? unauthenticated : allowed;
    case "owner":
      if (persona === "anonymous") return unauthenticated;
      return persona === "user A" ? allowed : noSuchOrder;
    case "admin":
      if (persona === "anonymous") return unauthenticated;
      return persona === "admin" ? allowed : notAdmin;
    case "provider":
      // An unverifiable notify, refused in each protocol's words: 4xx FAIL JSON for WeChat, "fail" for Alipay.
      return url.startsWith("/api/notify/wechat/")
        ? { status: 400, json: { code: "FAIL", message: "notify not verified" } }
        : { status: 400, text: "fail" };
    case "next-auth":
      if (method === "POST") return { status: 302, location: `${e2eServers.main}/api/auth/signout?csrf=true` };
      return persona === "anonymous"
        ? { status: 200, json: {} }
        : { status: 200, jsonLike: { user: { email: caller.email } } };
    default:
      throw new Error(`no handler answer for access ${rule.access}`);
  }
}

function ruleFor(pattern: string, method: HttpMethod): HandlerRule {
  const rule = handlerPolicy[pattern]?.[method];
  if (!rule) throw new Error(`${method} ${pattern} is not in the policy table`);
  return rule;
}

/** Every (route, method) of the table as this caller probes it, writes first. */
function probes(caller: Caller, ids: MatrixIds): Probe[] {
  const list: Probe[] = [];
  for (const route of handlers) {
    for (const method of route.methods) {
      const rule = ruleFor(route.pattern, method);
      const adminWriting = caller.persona === "admin" && rule.access === "admin" && method !== "GET";
      const providers = rule.access === "provider" ? (["wechat", "alipay"] as const) : [undefined];
      for (const provider of providers) {
        const routeIds = adminWriting
          ? ghostIds
          : provider
            ? { ...ids, provider, configId: ids.configs[provider] }
            : ids;
        const url = rule.path ?? concretePath(route.pattern, routeIds);
        list.push({ method, url, answer: handlerAnswer(rule, method, url, caller), stream: rule.stream });
      }
    }
  }
  for (const page of pages) {
    const access = pagePolicy[page.pattern];
    if (!access) throw new Error(`page ${page.pattern} is not in the policy table`);
    const url = concretePath(page.pattern, ids);
    list.push({
      method: "GET",
      url,
      answer: pageAnswer(access, url, caller.persona),
      label: `page ${url}`,
    });
  }
  return list.sort((a, b) => Number(b.method !== "GET") - Number(a.method !== "GET"));
}

async function runMatrix(caller: Caller, ids: MatrixIds, only: (probe: Probe) => boolean = () => true) {
  for (const probe of probes(caller, ids).filter(only)) await check(caller, probe);
}

/** Calls every server action of the table as the browser would: a POST to its page with the action's id. */
async function runActions(caller: Caller, ids: MatrixIds) {
  const built = builtServerActions();
  for (const [key, rule] of Object.entries(actionPolicy)) {
    const id = [...built].find(([, action]) => `${action.file}#${action.name}` === key)?.[0];
    expect(id, `${key} is not in the build`).toBeDefined();
    for (const call of rule.calls(ids)) {
      const response = await caller.request.post(rule.page(ids), {
        headers: { "next-action": id!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
        data: JSON.stringify(call.args),
      });
      const where = `${caller.persona}: ${key}(${JSON.stringify(call.args)})`;
      expect(response.status(), where).toBe(200);
      // The RSC payload: one JSON value per line, "<row id>:<value>"; the result is the one that is not the envelope.
      const rows = (await response.text()).split("\n").flatMap((line) => {
        const value = line.match(/^\w+:(\{.*\})$/)?.[1];
        return value ? [JSON.parse(value) as unknown] : [];
      });
      expect(rows, where).toContainEqual(call.result);
    }
  }
}

// ---- The matrix.

test.describe.serial("authorization matrix", () => {
  const callers = {} as Record<Persona, Caller>;
  const contexts: BrowserContext[] = [];
  let ids: MatrixIds;
  let before: Awaited<ReturnType<typeof snapshot>>;

  test.beforeAll(async ({ browser, playwright }) => {
    const caller = async (
      persona: Persona,
      context: BrowserContext | null,
      email: string | null,
      page: Page | null,
    ) => {
      const storageState = context ? await context.storageState() : undefined;
      const request = await playwright.request.newContext({
        baseURL: e2eServers.main,
        extraHTTPHeaders: english,
        storageState,
      });
      const cookie = (storageState?.cookies ?? []).map(({ name, value }) => `${name}=${value}`).join("; ");
      callers[persona] = { persona, email, request, cookie, page };
    };
    const signedUp = async (persona: Persona) => {
      const context = await browser.newContext({ locale: "en-US" });
      contexts.push(context);
      const page = await context.newPage();
      const email = uniqueEmail(`authz-${persona.replace(" ", "-").toLowerCase()}`);
      await signUp(page, email, "matrix1234");
      await caller(persona, context, email, page);
    };

    const adminTab = await adminSession(browser);
    contexts.push(adminTab.context);
    await caller("admin", adminTab.context, e2eAdmin.email, adminTab.page);
    await signedUp("user A");
    await signedUp("user B");
    await caller("anonymous", null, null, null);

    // A pays one order on the sandbox's phone page (so A has a ledger) and leaves one pending.
    const a = callers["user A"].page!;
    const { configs } = await json<{ configs: ConfigView[] }>(
      await callers.admin.request.get("/api/admin/payment-configs"),
    );
    const configOf = (provider: ConfigView["provider"]) =>
      configs.find((c) => c.provider === provider && c.isDefault)!.id;
    const packageId = await packageIdByPrice(callers.admin.request, 600);
    const paid = await placeOrder(a, packageId, "WECHAT");
    await payOnPhone(browser, paid.payUrl!);
    await waitForOrderStatus(a, paid.orderNo, "PAID");
    const pending = await placeOrder(a, packageId, "ALIPAY");
    const me = await json<{ user: { id: string } }>(await callers["user A"].request.get("/api/me"));
    // An endpoint nothing listens on: its delivery log page and API are then real pages to probe.
    const endpoint = await json<{ endpoint: { id: string } }>(
      await callers.admin.request.post("/api/admin/webhooks", {
        data: { url: "http://127.0.0.1:9/authz-matrix", eventTypes: ["hold.expired"], enabled: false },
      }),
    );
    ids = {
      orderNo: pending.orderNo,
      tradeId: tradeIdOf(pending.payUrl),
      paidOrderNo: paid.orderNo,
      paidTradeId: tradeIdOf(paid.payUrl),
      configId: configOf("WECHAT"),
      configs: { wechat: configOf("WECHAT"), alipay: configOf("ALIPAY") },
      userId: me.user.id,
      packageId,
      batchId: ghostIds.batchId,
      lotId: ghostIds.lotId,
      apiKeyId: ghostIds.apiKeyId,
      endpointId: endpoint.endpoint.id,
      deliveryId: ghostIds.deliveryId,
      holdId: ghostIds.holdId,
    };
    before = await snapshot(callers);
  });

  test.afterAll(async () => {
    for (const caller of Object.values(callers)) await caller.request.dispose();
    for (const context of contexts) await context.close();
  });

  test("anonymous: pages send to sign-in, APIs answer 401, signed and public routes the same to all", async () => {
    const anonymous = callers.anonymous;
    await runMatrix(anonymous, ids);
    await runActions(anonymous, ids);

    // Sign-up cannot make an admin: a role in the body is ignored.
    const email = uniqueEmail("authz-role");
    const created = await anonymous.request.post("/api/sign-up", {
      data: { email, password: "matrix1234", role: "ADMIN" },
    });
    expect(created.status()).toBe(202);
    const { users } = await json<{ users: { email: string; role: string }[] }>(
      await callers.admin.request.get(`/api/admin/users?q=${encodeURIComponent(email)}`),
    );
    expect(users).toEqual([expect.objectContaining({ email, role: "USER" })]);

    expect(await snapshot(callers)).toEqual(before);
  });

  test("user B: A's orders do not exist for B, nothing of A's shows, refused requests change nothing", async () => {
    const b = callers["user B"];
    await runMatrix(b, ids);
    await runActions(b, ids);

    // A's paid order too, in every form.
    const paid = `/api/orders/${ids.paidOrderNo}`;
    for (const probe of [
      { method: "GET", url: paid },
      { method: "GET", url: `${paid}/events`, stream: true },
      { method: "POST", url: `${paid}/cancel` },
      { method: "POST", url: `${paid}/check` },
    ] as const)
      await check(b, { ...probe, answer: noSuchOrder });
    const paidPage = `/orders/${ids.paidOrderNo}`;
    await check(b, { method: "GET", url: paidPage, answer: { status: 200, sameAs: `/orders/${ghostOrderNo}` } });

    // B's own lists are B's alone.
    expect(await json(await b.request.get("/api/orders"))).toMatchObject({ total: 0, orders: [] });
    expect(await json(await b.request.get("/api/ledger"))).toMatchObject({ total: 0, entries: [] });
    expect(await json(await b.request.get("/api/me"))).toMatchObject({ user: { email: b.email, balance: 0 } });
    const secrets = [
      ids.orderNo!,
      ids.paidOrderNo,
      ids.tradeId!,
      ids.paidTradeId,
      callers["user A"].email!,
      ids.userId!,
    ];
    for (const url of [
      "/",
      "/orders",
      "/ledger",
      "/recharge",
      "/api/orders",
      "/api/ledger",
      "/api/me",
      "/api/auth/session",
    ]) {
      const body = await (await b.request.get(url)).text();
      // Lists with no order of B's show no amount at all (the home and recharge pages list the packages).
      const amounts = url === "/orders" || url === "/ledger" ? ["¥6.00"] : [];
      for (const secret of [...secrets, ...amounts])
        expect(body.includes(secret), `${url} shows ${secret}`).toBe(false);
    }

    // Rendered, A's order is "Page not found", with nothing of A's on it.
    await b.page!.goto(`/orders/${ids.orderNo}`);
    await expect(b.page!.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const shown = await b.page!.locator("body").innerText();
    for (const secret of [ids.paidOrderNo, ids.tradeId!, callers["user A"].email!, "¥6.00", "60 credits"])
      expect(shown).not.toContain(secret);

    // B's cancel did not cancel: A's order is still pending, and nothing else moved either.
    expect(await snapshot(callers)).toEqual(before);
    const order = await json<{ order: { status: string } }>(
      await callers["user A"].request.get(`/api/orders/${ids.orderNo}`),
    );
    expect(order.order.status).toBe("PENDING");
  });

  test("admin: the console opens; A's orders are hidden from the admin's own user routes too", async () => {
    const adminCaller = callers.admin;
    // The writes (console writes probed with ids that name nothing) change nothing; then the
    // reads, which do not all leave things as they were: an export is audited.
    await runMatrix(adminCaller, ids, (probe) => probe.method !== "GET");
    await runActions(adminCaller, ids);
    expect(await snapshot(callers)).toEqual(before);
    await runMatrix(adminCaller, ids, (probe) => probe.method === "GET");

    // Every console page renders its heading, with no message key left untranslated.
    const tab = adminCaller.page!;
    for (const page of pages.filter((p) => pagePolicy[p.pattern] === "admin")) {
      const url = concretePath(page.pattern, ids);
      const response = await tab.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(tab.getByRole("heading", { level: 1 }), url).toBeVisible();
      expect(await tab.locator("body").innerText(), url).not.toMatch(/\bconsole\.\w+\.\w+/);
    }

    const own = await json<{ orders: { orderNo: string }[] }>(await adminCaller.request.get("/api/orders?pageSize=50"));
    expect(own.orders.map((o) => o.orderNo)).not.toContain(ids.orderNo);
    // The console is where the admin sees A's order.
    const detail = await json<{ order: { orderNo: string } }>(
      await adminCaller.request.get(`/api/admin/transactions/${ids.orderNo}`),
    );
    expect(detail.order.orderNo).toBe(ids.orderNo);
  });

  test("user A: A's own orders, ledger and pages, and A's cancel is the one that closes the order", async () => {
    const a = callers["user A"];
    // The strings B's pages were searched for do appear on A's: the search could have found them.
    const ordersPage = await (await a.request.get("/orders")).text();
    for (const shown of [ids.orderNo!, ids.paidOrderNo, "¥6.00"])
      expect(ordersPage.includes(shown), `/orders lacks ${shown}`).toBe(true);
    expect((await (await a.request.get("/ledger")).text()).includes(ids.paidOrderNo)).toBe(true);
    expect((await (await a.request.get("/")).text()).includes(a.email!)).toBe(true);
    expect(await json(await a.request.get("/api/ledger"))).toMatchObject({
      total: 1,
      entries: [{ delta: 60, reference: ids.paidOrderNo }],
    });

    await runMatrix(a, ids);
    await runActions(a, ids);
    const after = await json<{ order: { status: string } }>(await a.request.get(`/api/orders/${ids.orderNo}`));
    expect(after.order.status).toBe("CLOSED");
  });
});
