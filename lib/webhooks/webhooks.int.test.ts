import { Client } from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { recordEvent } from "@/lib/outbox/record-event";
import { sequenceEvents } from "@/lib/outbox/sequence-events";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { testDatabaseKind } from "@/lib/testing/test-database";
import { createUser } from "@/lib/users/create-user";
import { createEndpoint } from "@/lib/webhooks/create-endpoint";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-due-webhooks";
import { endpointInputSchema } from "@/lib/webhooks/endpoint-input";
import { fanOutEvents } from "@/lib/webhooks/fan-out-events";
import { resendDelivery } from "@/lib/webhooks/resend-delivery";
import { retryDelaysMs } from "@/lib/webhooks/retry-schedule";

let adminId: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  adminId = (await createUser({ email: "webhooks-admin@example.com", password: "admin1234", role: "ADMIN" })).id;
});

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  // Each test starts with no endpoint listening and nothing owed.
  const prisma = await getPrisma();
  await prisma.webhookAttempt.deleteMany();
  await prisma.webhookDelivery.deleteMany();
  await prisma.webhookEndpoint.updateMany({ data: { enabled: false } });
});

afterEach(async () => {
  await receiver.close();
});

async function endpointFor(url: string, eventTypes: string[] = []) {
  const input = endpointInputSchema(true).parse({ url, eventTypes });
  const created = await createEndpoint({ input, actorId: adminId });
  receiver.useSecret(created.secret);
  return created.endpoint;
}

async function emit(type: "order.paid" | "credits.debited", data: Record<string, string | number>) {
  const prisma = await getPrisma();
  return prisma.$transaction((tx) => recordEvent(tx, { type, userId: null, data }));
}

/** What the jobs do, once: sequence committed events, fan them out, send what is due. */
async function pump(timeScale = 1) {
  await sequenceEvents();
  await fanOutEvents();
  return deliverDueWebhooks({ timeScale, allowPrivate: true, timeoutMs: 2_000 });
}

describe("webhook delivery", () => {
  it("signs every delivery so that standardwebhooks verifies it, with the event as the JSON body", async () => {
    await endpointFor(receiver.url);
    const id = await emit("order.paid", { orderNo: "R1", credits: 100 });
    await pump();
    expect(receiver.rejected).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery).toMatchObject({ id, payload: { id, type: "order.paid", data: { orderNo: "R1", credits: 100 } } });
    expect(Math.abs(delivery!.timestamp - Date.now() / 1000)).toBeLessThan(60);
    const prisma = await getPrisma();
    const log = await prisma.webhookAttempt.findMany();
    expect(log).toMatchObject([{ attempt: 1, httpStatus: 204, ok: true }]);
  });

  it("sends only the event types an endpoint asked for", async () => {
    await endpointFor(receiver.url, ["credits.debited"]);
    await emit("order.paid", { orderNo: "R2" });
    const wanted = await emit("credits.debited", { amount: 5 });
    await pump();
    expect(receiver.received.map((delivery) => delivery.id)).toEqual([wanted]);
  });

  it("never sends an event whose transaction rolled back", async () => {
    await endpointFor(receiver.url);
    const prisma = await getPrisma();
    await expect(
      prisma.$transaction(async (tx) => {
        await recordEvent(tx, { type: "order.paid", userId: null, data: { orderNo: "R-rolled-back" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const kept = await emit("order.paid", { orderNo: "R-kept" });
    for (let round = 0; round < 3; round++) await pump();
    expect(receiver.received.map((delivery) => delivery.payload.data.orderNo)).toEqual(["R-kept"]);
    expect(receiver.received[0]!.id).toBe(kept);
    expect(await prisma.event.count({ where: { data: { path: ["orderNo"], equals: "R-rolled-back" } } })).toBe(0);
  });

  it("retries a failing receiver on the schedule until it recovers, and every event arrives", async () => {
    const timeScale = 20_000;
    await endpointFor(receiver.url);
    // Fails the first four requests (a 500, a 302, a timeout-free 503, a 404), then recovers.
    const failures = [500, 302, 503, 404];
    receiver.answer = (hit) => failures[hit - 1] ?? 200;
    const id = await emit("order.paid", { orderNo: "R-retry" });
    const started = Date.now();
    while (receiver.received.length === 0 && Date.now() - started < 20_000) {
      await pump(timeScale);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(receiver.received.map((delivery) => delivery.id)).toEqual([id]);
    expect(receiver.hits).toHaveLength(5);
    // Attempt n + 1 came no sooner than 90 % of the scaled wait after attempt n.
    for (let attempt = 1; attempt < 5; attempt++) {
      const gap = receiver.hits[attempt]! - receiver.hits[attempt - 1]!;
      expect(gap, `wait after attempt ${attempt}`).toBeGreaterThanOrEqual(
        Math.floor((retryDelaysMs[attempt]! * 0.9) / timeScale) - 1,
      );
    }
    const prisma = await getPrisma();
    const log = await prisma.webhookAttempt.findMany({ orderBy: { attempt: "asc" } });
    expect(log.map((attempt) => [attempt.attempt, attempt.httpStatus, attempt.ok])).toEqual([
      [1, 500, false],
      [2, 302, false],
      [3, 503, false],
      [4, 404, false],
      [5, 200, true],
    ]);
    expect(await prisma.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "SUCCEEDED", attempts: 5 });
  });

  it("disables an endpoint that answers 410 Gone", async () => {
    const endpoint = await endpointFor(receiver.url);
    receiver.answer = () => 410;
    await emit("order.paid", { orderNo: "R-gone" });
    await pump();
    const prisma = await getPrisma();
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: false,
      disabledReason: "gone",
    });
    await emit("order.paid", { orderNo: "R-after-gone" });
    await pump();
    expect(receiver.hits).toHaveLength(1);
  });

  it("disables and flags an endpoint that failed everything for three days, and gives up after ten attempts", async () => {
    const timeScale = 1_000_000;
    const endpoint = await endpointFor(receiver.url);
    receiver.answer = () => 500;
    await emit("order.paid", { orderNo: "R-dead" });
    const started = Date.now();
    const prisma = await getPrisma();
    while (Date.now() - started < 20_000) {
      await pump(timeScale);
      const row = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      const delivery = await prisma.webhookDelivery.findFirstOrThrow();
      if (!row.enabled && delivery.status !== "PENDING") break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: false,
      disabledReason: "failing",
    });
    const delivery = await prisma.webhookDelivery.findFirstOrThrow();
    expect(["FAILED", "CANCELLED"]).toContain(delivery.status);
    expect(delivery.attempts).toBeLessThanOrEqual(10);
    expect(receiver.received).toEqual([]);
  });

  it("refuses loopback and private targets unless private targets are allowed", async () => {
    await endpointFor(receiver.url);
    await emit("order.paid", { orderNo: "R-private" });
    await sequenceEvents();
    await fanOutEvents();
    await deliverDueWebhooks({ allowPrivate: false });
    expect(receiver.hits).toEqual([]);
    const prisma = await getPrisma();
    expect(await prisma.webhookAttempt.findFirstOrThrow()).toMatchObject({ ok: false, httpStatus: null });
    expect(endpointInputSchema(false).safeParse({ url: receiver.url }).success).toBe(false);
  });

  it("resends a delivered event under the next attempt number, with the same webhook-id", async () => {
    await endpointFor(receiver.url);
    const id = await emit("order.paid", { orderNo: "R-resend" });
    await pump();
    const prisma = await getPrisma();
    const delivery = await prisma.webhookDelivery.findFirstOrThrow();
    await resendDelivery({ deliveryId: delivery.id, actorId: adminId });
    await pump();
    expect(receiver.received.map((received) => received.id)).toEqual([id, id]);
    const log = await prisma.webhookAttempt.findMany({ orderBy: { attempt: "asc" } });
    expect(log.map((attempt) => attempt.attempt)).toEqual([1, 2]);
  });

  it("several senders at once never send the same attempt twice", async () => {
    await endpointFor(receiver.url);
    const ids = [];
    for (let index = 0; index < 30; index++) ids.push(await emit("credits.debited", { index }));
    await sequenceEvents();
    await fanOutEvents();
    // Four "instances" racing for the same due deliveries.
    await Promise.all(Array.from({ length: 4 }, () => deliverDueWebhooks({ allowPrivate: true, limit: 10 })));
    await Promise.all(Array.from({ length: 4 }, () => deliverDueWebhooks({ allowPrivate: true, limit: 10 })));
    expect(receiver.received.map((received) => received.id).sort()).toEqual([...ids].sort());
    expect(receiver.hits).toHaveLength(30);
  });

  it("several fan-outs at once owe each event to each endpoint once, in small batches or large", async () => {
    const prisma = await getPrisma();
    const endpoints = [await endpointFor(receiver.url), await endpointFor(receiver.url, ["credits.debited"])];
    const debits = [];
    for (let index = 0; index < 25; index++) debits.push(await emit("credits.debited", { index }));
    const paid = await emit("order.paid", { orderNo: "R-fan-out" });
    await sequenceEvents();
    // Four "instances", each taking at most 4 events per run, until none finds more.
    let fannedOut = 1;
    while (fannedOut > 0) {
      const runs = await Promise.all(Array.from({ length: 4 }, () => fanOutEvents({ limit: 4 })));
      fannedOut = runs.reduce((sum, count) => sum + count, 0);
    }
    const owed = await prisma.webhookDelivery.findMany({ select: { endpointId: true, eventId: true } });
    const expected = [
      ...[...debits, paid].map((eventId) => ({ endpointId: endpoints[0]!.id, eventId })),
      ...debits.map((eventId) => ({ endpointId: endpoints[1]!.id, eventId })),
    ];
    const key = (row: { endpointId: string; eventId: string }) => `${row.endpointId}/${row.eventId}`;
    expect(owed.map(key).sort()).toEqual(expected.map(key).sort());
    const [cursor] = await prisma.webhookFanout.findMany();
    const last = await prisma.event.aggregate({ _max: { position: true } });
    expect(cursor?.position).toBe(last._max.position);
  });
});

describe("event sequencing", () => {
  it.runIf(testDatabaseKind() === "postgres")(
    "gives positions in commit order, so a reader by position never skips an event that commits late",
    async () => {
      const prisma = await getPrisma();
      const db = (await import("@/lib/db")).getDatabase;
      const target = (await db()).target;
      if (target.kind !== "postgres") throw new Error("needs PostgreSQL");
      // A transaction takes a seq, then stays open while a later one commits.
      const slow = new Client({ connectionString: target.url });
      await slow.connect();
      try {
        await sequenceEvents();
        await slow.query("BEGIN");
        await slow.query(
          `INSERT INTO "Event" (id, type, data) VALUES ('evt_slow', 'order.paid', '{"orderNo":"slow"}')`,
        );
        const fast = await emit("order.paid", { orderNo: "fast" });
        await sequenceEvents();
        const seen = await prisma.event.findMany({
          where: { NOT: { position: null } },
          orderBy: { position: "desc" },
          take: 1,
        });
        expect(seen.map((event) => event.id)).toEqual([fast]);
        await slow.query("COMMIT");
        await sequenceEvents();
        const [last, beforeLast] = await prisma.event.findMany({ orderBy: { position: "desc" }, take: 2 });
        expect([beforeLast!.id, last!.id]).toEqual([fast, "evt_slow"]);
        expect(last!.position! > beforeLast!.position!).toBe(true);
        expect(last!.seq < beforeLast!.seq).toBe(true);
      } finally {
        await slow.end();
      }
    },
  );
});

afterAll(async () => {
  await receiver?.close();
});
