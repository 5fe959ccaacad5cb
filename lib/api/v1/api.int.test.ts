import { beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as captureRoute from "@/app/api/v1/holds/[id]/capture/route";
import * as holdRoute from "@/app/api/v1/holds/[id]/route";
import * as releaseRoute from "@/app/api/v1/holds/[id]/release/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as balanceRoute from "@/app/api/v1/users/[id]/balance/route";
import * as debitsRoute from "@/app/api/v1/users/[id]/debits/route";
import * as entriesRoute from "@/app/api/v1/users/[id]/entries/route";
import * as grantsRoute from "@/app/api/v1/users/[id]/grants/route";
import * as holdsRoute from "@/app/api/v1/users/[id]/holds/route";
import { hashKey } from "@/lib/api-keys/key-material";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { flushApiCalls } from "@/lib/api/v1/call-log";
import { getPrisma } from "@/lib/db";
import { expireDueHolds } from "@/lib/holds/expire-due-holds";
import { sequenceEvents } from "@/lib/outbox/sequence-events";
import { callApi, testApiKey } from "@/lib/testing/api-client";
import { fundUser } from "@/lib/testing/fund-user";
import { createUser } from "@/lib/users/create-user";

let adminId: string;
let fullKey: string;
let readKey: string;

beforeAll(async () => {
  adminId = (await createUser({ email: "api-admin@example.com", password: "admin1234", role: "ADMIN" })).id;
  fullKey = await testApiKey(adminId, ["credits:read", "credits:spend", "credits:grant", "events:read"]);
  readKey = await testApiKey(adminId, ["credits:read"]);
});

let userCount = 0;
async function newUser(credits = 0) {
  const user = await createUser({ email: `api-user-${++userCount}@example.com`, password: "user12345" });
  if (credits) await fundUser(user.id, credits);
  return user;
}

/**
 * What a client does on a 500 (here: no pool connection within 5 s while 100 requests queue on
 * one user's row): the same request again, with the same Idempotency-Key.
 */
async function retried<T extends { status: number }>(send: () => Promise<T>): Promise<T> {
  for (;;) {
    const answer = await send();
    if (answer.status !== 500) return answer;
  }
}

describe("API keys", () => {
  it("are shown once with a recognizable prefix and stored only as a hash", async () => {
    expect(fullKey).toMatch(/^rk_(live|test)_[A-Za-z0-9_-]{43}$/);
    const prisma = await getPrisma();
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { keyHash: hashKey(fullKey) } });
    expect(JSON.stringify(row)).not.toContain(fullKey.slice(12));
    expect(row.prefix).toBe(fullKey.slice(0, 12));
  });

  it("refuses a request without a key, with a malformed one or an unknown one", async () => {
    const user = await newUser();
    for (const key of [undefined, "rk_live_short", `rk_live_${"A".repeat(43)}`]) {
      const answer = await callApi(userRoute.GET, "GET", `/users/${user.id}`, { key, params: { id: user.id } });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: "invalid_api_key" } });
      expect(answer.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("refuses a revoked key from its next request on", async () => {
    const key = await testApiKey(adminId, ["credits:read"], "to revoke");
    const user = await newUser();
    expect((await callApi(userRoute.GET, "GET", `/users/${user.id}`, { key, params: { id: user.id } })).status).toBe(
      200,
    );
    const prisma = await getPrisma();
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { keyHash: hashKey(key) } });
    await revokeApiKey({ id: row.id, actorId: adminId });
    const answer = await callApi(userRoute.GET, "GET", `/users/${user.id}`, { key, params: { id: user.id } });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: "api_key_revoked" } } });
  });

  it("enforces scopes: a read-only key cannot spend or read events", async () => {
    const user = await newUser(10);
    const hold = await callApi(holdsRoute.POST, "POST", `/users/${user.id}/holds`, {
      key: readKey,
      params: { id: user.id },
      headers: { "idempotency-key": "scope-1" },
      body: { amount: 1 },
    });
    expect(hold).toMatchObject({ status: 403, body: { error: { code: "missing_scope" } } });
    const events = await callApi(eventsRoute.GET, "GET", "/events", { key: readKey });
    expect(events).toMatchObject({ status: 403, body: { error: { code: "missing_scope" } } });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ heldCredits: 0 });
  });

  it("records every call (key, route, outcome) and the key's last use", async () => {
    const key = await testApiKey(adminId, ["credits:read"], "logged");
    const user = await newUser();
    await flushApiCalls();
    await callApi(userRoute.GET, "GET", `/users/${user.id}`, { key, params: { id: user.id } });
    await callApi(userRoute.GET, "GET", "/users/nobody", { key, params: { id: "nobody" } });
    await callApi(userRoute.PATCH, "PATCH", `/users/${user.id}`, {
      key,
      params: { id: user.id },
      body: { externalId: "x" },
    });
    expect(await flushApiCalls()).toBe(3);
    const prisma = await getPrisma();
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { keyHash: hashKey(key) }, include: { calls: true } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.calls.map((call) => [call.route, call.status, call.code]).sort()).toEqual(
      [
        ["GET /api/v1/users/{id}", 200, null],
        ["GET /api/v1/users/{id}", 404, "user_not_found"],
        ["PATCH /api/v1/users/{id}", 403, "missing_scope"],
      ].sort(),
    );
  });
});

describe("users", () => {
  it("are found by id, by email and by the externalId the operator sets", async () => {
    const user = await newUser();
    const set = await callApi(userRoute.PATCH, "PATCH", `/users/${user.id}`, {
      key: fullKey,
      params: { id: user.id },
      body: { externalId: `ext-${user.id}` },
    });
    expect(set).toMatchObject({ status: 200, body: { id: user.id, externalId: `ext-${user.id}` } });
    const lookups: Record<string, string>[] = [{ email: user.email.toUpperCase() }, { externalId: `ext-${user.id}` }];
    for (const query of lookups) {
      const found = await callApi(usersRoute.GET, "GET", "/users", { key: readKey, query });
      expect(found).toMatchObject({ status: 200, body: { id: user.id, email: user.email } });
    }
    const other = await newUser();
    const taken = await callApi(userRoute.PATCH, "PATCH", `/users/${other.id}`, {
      key: fullKey,
      params: { id: other.id },
      body: { externalId: `ext-${user.id}` },
    });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "external_id_taken" } } });
    const both = await callApi(usersRoute.GET, "GET", "/users", {
      key: readKey,
      query: { email: user.email, externalId: "x" },
    });
    expect(both).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
  });
});

describe("holds", () => {
  const createHold = (userId: string, key: string, body: unknown) =>
    callApi<Record<string, unknown> & { id: string }, { id: string }>(
      holdsRoute.POST,
      "POST",
      `/users/${userId}/holds`,
      {
        key: fullKey,
        params: { id: userId },
        headers: { "idempotency-key": key },
        body,
      },
    );

  it("replays the first answer for the same key and request, and refuses the key with another request", async () => {
    const user = await newUser(100);
    const first = await createHold(user.id, `replay-${user.id}`, { amount: 30 });
    expect(first).toMatchObject({ status: 201, body: { amount: 30, status: "ACTIVE" } });
    const again = await createHold(user.id, `replay-${user.id}`, { amount: 30 });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const reused = await createHold(user.id, `replay-${user.id}`, { amount: 31 });
    expect(reused).toMatchObject({ status: 409, body: { error: { code: "idempotency_key_reused" } } });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 100,
      heldCredits: 30,
    });
    expect(await prisma.creditHold.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers 402 with the available credits when they do not cover the hold, and changes nothing", async () => {
    const user = await newUser(50);
    await createHold(user.id, `first-${user.id}`, { amount: 20 });
    const short = await createHold(user.id, `short-${user.id}`, { amount: 31 });
    expect(short).toMatchObject({ status: 402, body: { error: { code: "insufficient_credits", available: 30 } } });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 50,
      heldCredits: 20,
    });
    expect(await prisma.apiIdempotencyRecord.count({ where: { key: `hold:short-${user.id}` } })).toBe(0);
  });

  it("100 concurrent holds of one credit on a balance of 50 reserve exactly 50", async () => {
    const user = await newUser(50);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        retried(() => createHold(user.id, `race-${user.id}-${index}`, { amount: 1 })),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(50);
    expect(statuses.filter((status) => status === 402)).toHaveLength(50);
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 50,
      heldCredits: 50,
    });
  });

  it("release gives the credits back once; a timed-out hold is released by the job, never charged", async () => {
    const user = await newUser(40);
    const hold = await createHold(user.id, `release-${user.id}`, { amount: 10 });
    const release = () =>
      callApi(releaseRoute.POST, "POST", `/holds/${hold.body.id}/release`, {
        key: fullKey,
        params: { id: hold.body.id },
      });
    expect(await release()).toMatchObject({ status: 200, body: { status: "RELEASED" } });
    expect(await release()).toMatchObject({ status: 200, body: { status: "RELEASED" } });

    const short = await createHold(user.id, `expire-${user.id}`, { amount: 15, expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const late = await callApi(releaseRoute.POST, "POST", `/holds/${short.body.id}/release`, {
      key: fullKey,
      params: { id: short.body.id },
    });
    expect(late).toMatchObject({ status: 409, body: { error: { code: "hold_expired" } } });
    expect(await expireDueHolds()).toBeGreaterThanOrEqual(1);
    const read = await callApi(holdRoute.GET, "GET", `/holds/${short.body.id}`, {
      key: readKey,
      params: { id: short.body.id },
    });
    expect(read).toMatchObject({ status: 200, body: { status: "EXPIRED", capturedAmount: null } });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 40,
      heldCredits: 0,
    });
  });
});

describe("the event feed", () => {
  it("lists events by position, oldest first, and pages on with the cursor", async () => {
    const user = await newUser(10);
    const hold = await callApi<{ id: string }, { id: string }>(holdsRoute.POST, "POST", `/users/${user.id}/holds`, {
      key: fullKey,
      params: { id: user.id },
      headers: { "idempotency-key": `feed-${user.id}` },
      body: { amount: 5 },
    });
    await callApi(releaseRoute.POST, "POST", `/holds/${hold.body.id}/release`, {
      key: fullKey,
      params: { id: hold.body.id },
    });
    await sequenceEvents();
    let cursor: string | undefined;
    const seen: { type: string; data: Record<string, unknown> }[] = [];
    for (let page = 0; page < 50; page++) {
      const answer = await callApi<{ events: typeof seen; nextCursor: string }>(eventsRoute.GET, "GET", "/events", {
        key: fullKey,
        query: { limit: "2", ...(cursor ? { after: cursor } : {}) },
      });
      expect(answer.status).toBe(200);
      if (!answer.body.events.length) {
        expect(answer.body.nextCursor).toBe(cursor);
        break;
      }
      seen.push(...answer.body.events);
      cursor = answer.body.nextCursor;
    }
    expect(seen.filter((event) => event.data.holdId === hold.body.id).map((event) => event.type)).toEqual([
      "hold.released",
    ]);
    const bad = await callApi(eventsRoute.GET, "GET", "/events", { key: fullKey, query: { after: "abc" } });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_cursor" } } });
  });
});

type Body = Record<string, unknown> & { id: string };
const post = (
  route: typeof debitsRoute.POST,
  path: string,
  userId: string,
  key: string | null,
  body: unknown,
  apiKey = fullKey,
) =>
  callApi<Body, { id: string }>(route, "POST", path, {
    key: apiKey,
    params: { id: userId },
    headers: key === null ? {} : { "idempotency-key": key },
    body,
  });
const debit = (userId: string, key: string, body: unknown) =>
  post(debitsRoute.POST, `/users/${userId}/debits`, userId, key, body);
const capture = (holdId: string, body: unknown) =>
  post(captureRoute.POST, `/holds/${holdId}/capture`, holdId, null, body);

describe("debits", () => {
  it("answer 201 with the entry, the lots drawn and the new balance, and replay it for the same key", async () => {
    const user = await newUser(100);
    const first = await debit(user.id, `d-${user.id}`, { amount: 30, reason: "job", metadata: { job: "42" } });
    expect(first).toMatchObject({
      status: 201,
      body: { entry: { delta: -30, balanceAfter: 70, kind: "CONSUME" }, balance: { total: 70, available: 70 } },
    });
    expect(first.body.draws).toMatchObject([{ category: "PAID", amount: 30 }]);
    const again = await debit(user.id, `d-${user.id}`, { metadata: { job: "42" }, reason: "job", amount: 30 });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const reused = await debit(user.id, `d-${user.id}`, { amount: 31, reason: "job" });
    expect(reused).toMatchObject({ status: 409, body: { error: { code: "idempotency_key_reused" } } });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ balance: 70 });
    expect(await prisma.ledgerEntry.count({ where: { userId: user.id, kind: "CONSUME" } })).toBe(1);
  });

  it("answer 402 with the available credits and change nothing when short (holds count as spent)", async () => {
    const user = await newUser(50);
    await post(holdsRoute.POST, `/users/${user.id}/holds`, user.id, `h-${user.id}`, { amount: 20 });
    const prisma = await getPrisma();
    const before = await prisma.ledgerEntry.count({ where: { userId: user.id } });
    const short = await debit(user.id, `short-${user.id}`, { amount: 31 });
    expect(short).toMatchObject({ status: 402, body: { error: { code: "insufficient_credits", available: 30 } } });
    expect(await prisma.ledgerEntry.count({ where: { userId: user.id } })).toBe(before);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 50,
      heldCredits: 20,
    });
    const ok = await debit(user.id, `fits-${user.id}`, { amount: 30 });
    expect(ok.status).toBe(201);
  });

  it("need an Idempotency-Key and a valid body", async () => {
    const user = await newUser(5);
    const missing = await post(debitsRoute.POST, `/users/${user.id}/debits`, user.id, null, { amount: 1 });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "idempotency_key_required" } } });
    const tooLong = await debit(user.id, "k".repeat(256), { amount: 1 });
    expect(tooLong).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    for (const body of [
      { amount: 0 },
      { amount: 1.5 },
      { amount: "1" },
      { amount: 1, metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) },
    ]) {
      const answer = await debit(user.id, `bad-${JSON.stringify(body).length}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    const nobody = await debit("no-such-user", "nobody-1", { amount: 1 });
    expect(nobody).toMatchObject({ status: 404, body: { error: { code: "user_not_found" } } });
  });

  it("100 concurrent debits of one credit on a balance of 50 succeed exactly 50 times", async () => {
    const user = await newUser(50);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        retried(() => debit(user.id, `race-d-${user.id}-${index}`, { amount: 1 })),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(50);
    expect(statuses.filter((status) => status === 402)).toHaveLength(50);
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ balance: 0 });
  });
});

describe("grants and the balance", () => {
  it("grant with credits:grant only; promotional credits that expire are spent before paid ones", async () => {
    const user = await newUser(10);
    const refused = await post(
      grantsRoute.POST,
      `/users/${user.id}/grants`,
      user.id,
      `g0-${user.id}`,
      { amount: 5 },
      readKey,
    );
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "missing_scope" } } });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const grant = await post(grantsRoute.POST, `/users/${user.id}/grants`, user.id, `g1-${user.id}`, {
      amount: 5,
      expiresAt,
    });
    expect(grant).toMatchObject({
      status: 201,
      body: { lot: { category: "PROMOTIONAL", amount: 5, remaining: 5 }, balance: { total: 15, available: 15 } },
    });
    const balance = await callApi(balanceRoute.GET, "GET", `/users/${user.id}/balance`, {
      key: readKey,
      params: { id: user.id },
    });
    expect(balance).toMatchObject({
      status: 200,
      body: { total: 15, held: 0, available: 15, byCategory: { PAID: 10, PROMOTIONAL: 5 }, nextExpiry: { amount: 5 } },
    });
    const spent = await debit(user.id, `g-spend-${user.id}`, { amount: 7 });
    expect(spent.body.draws).toMatchObject([
      { category: "PROMOTIONAL", amount: 5 },
      { category: "PAID", amount: 2 },
    ]);
  });

  it("list a user's entries newest first, by kind and time, a page at a time", async () => {
    const user = await newUser(20);
    for (let index = 0; index < 5; index++) await debit(user.id, `e-${user.id}-${index}`, { amount: 1 });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await callApi<
        { entries: { seq: number; kind: string }[]; nextCursor: string | null },
        { id: string }
      >(entriesRoute.GET, "GET", `/users/${user.id}/entries`, {
        key: readKey,
        params: { id: user.id },
        query: { kind: "CONSUME", limit: "2", ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.entries.map((entry) => entry.seq));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2]);
    const future = await callApi<{ entries: unknown[] }, { id: string }>(
      entriesRoute.GET,
      "GET",
      `/users/${user.id}/entries`,
      {
        key: readKey,
        params: { id: user.id },
        query: { from: new Date(Date.now() + 60_000).toISOString() },
      },
    );
    expect(future.body.entries).toEqual([]);
    const bad = await callApi(entriesRoute.GET, "GET", `/users/${user.id}/entries`, {
      key: readKey,
      params: { id: user.id },
      query: { cursor: "x" },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_cursor" } } });
  });
});

describe("hold capture", () => {
  const hold = async (userId: string, amount: number, expiresInSeconds = 600) =>
    (
      await post(holdsRoute.POST, `/users/${userId}/holds`, userId, `c-${userId}-${Math.random()}`, {
        amount,
        expiresInSeconds,
      })
    ).body;

  it("debits the captured part drawing lots at capture, releases the rest, and resolves once", async () => {
    const user = await newUser(100);
    const held = await hold(user.id, 40);
    const over = await capture(held.id, { amount: 41 });
    expect(over).toMatchObject({ status: 400, body: { error: { code: "capture_exceeds_hold" } } });
    const first = await capture(held.id, { amount: 25 });
    expect(first).toMatchObject({
      status: 200,
      body: {
        hold: { status: "CAPTURED", capturedAmount: 25 },
        entry: { delta: -25 },
        balance: { total: 75, available: 75 },
      },
    });
    expect(await capture(held.id, { amount: 25 })).toMatchObject({ status: 200, body: first.body });
    expect(await capture(held.id, { amount: 10 })).toMatchObject({
      status: 409,
      body: { error: { code: "hold_not_active" } },
    });
    const release = await callApi(releaseRoute.POST, "POST", `/holds/${held.id}/release`, {
      key: fullKey,
      params: { id: held.id },
    });
    expect(release).toMatchObject({ status: 409, body: { error: { code: "hold_not_active" } } });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 75,
      heldCredits: 0,
    });
  });

  it("refuses a capture after expiry with hold_expired; the credits go back uncharged", async () => {
    const user = await newUser(30);
    const held = await hold(user.id, 30, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await capture(held.id, {})).toMatchObject({ status: 409, body: { error: { code: "hold_expired" } } });
    await expireDueHolds();
    expect(await capture(held.id, {})).toMatchObject({ status: 409, body: { error: { code: "hold_expired" } } });
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 30,
      heldCredits: 0,
    });
  });

  it("expiry racing capture: each hold has exactly one outcome", async () => {
    const user = await newUser(100);
    const holds = [];
    for (let index = 0; index < 10; index++) holds.push(await hold(user.id, 5, 1));
    const due = new Date(holds[0]!.expiresAt as string).getTime();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now() - 30)));
    const captures = holds.map((held, index) =>
      new Promise((resolve) => setTimeout(resolve, index * 8)).then(() => capture(held.id, { amount: 5 })),
    );
    const [answers] = await Promise.all([
      Promise.all(captures),
      expireDueHolds(),
      new Promise((r) => setTimeout(r, 60)).then(() => expireDueHolds()),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expireDueHolds();
    const prisma = await getPrisma();
    const rows = await prisma.creditHold.findMany({ where: { id: { in: holds.map((held) => held.id) } } });
    for (const [index, row] of rows.entries()) expect(["CAPTURED", "EXPIRED"], `hold ${index}`).toContain(row.status);
    const capturedCount = rows.filter((row) => row.status === "CAPTURED").length;
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(capturedCount);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 100 - 5 * capturedCount,
      heldCredits: 0,
    });
  });

  it("100 concurrent holds then captures on a balance of 50: exactly 50 captured", async () => {
    const user = await newUser(50);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        retried(() =>
          post(holdsRoute.POST, `/users/${user.id}/holds`, user.id, `hc-${user.id}-${index}`, { amount: 1 }),
        ),
      ),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created).toHaveLength(50);
    const captured = await Promise.all(created.map((answer) => retried(() => capture(answer.body.id, {}))));
    expect(captured.every((answer) => answer.status === 200)).toBe(true);
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      balance: 0,
      heldCredits: 0,
    });
  });
});
