import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { openSubscriptions, publishOrderEvent } from "@/lib/events/order-events";
import { createOrder } from "@/lib/recharge/create-order";
import { newOrderNo } from "@/lib/recharge/order-no";
import { maxStreamsPerUser, openOrderStreams, orderEventStream } from "@/lib/recharge/order-stream";
import { newTestUser, setUpSandboxApp } from "@/lib/testing/sandbox-app";

setUpSandboxApp();

async function placeOrder(userId: string) {
  const pkg = await (await getPrisma()).creditPackage.findFirstOrThrow({ where: { seedKey: "standard" } });
  return createOrder({
    userId,
    packageId: pkg.id,
    provider: "WECHAT",
    channel: "QR",
    clientKey: randomBytes(8).toString("hex"),
  });
}

const decoder = new TextDecoder();

/** Reads frames until one matches (or the stream ends). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, match: (text: string) => boolean) {
  let text = "";
  while (!match(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

const waitFor = async (condition: () => boolean) => {
  for (let tries = 0; tries < 100 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe("the live order stream", () => {
  it("sends the current state, then pushes a change of its order only", async () => {
    const user = await newTestUser();
    const [order, other] = [await placeOrder(user.id), await placeOrder(user.id)];
    const session = { userId: user.id, sessionVersion: 0 };
    const abort = new AbortController();
    const reader = (await orderEventStream({ session, orderNo: order.orderNo, signal: abort.signal })).getReader();
    const first = await readUntil(reader, (text) => text.includes("event: order"));
    expect(first).toContain("retry: 3000");
    expect(first).toContain(`"orderNo":"${order.orderNo}"`);
    expect(first).toContain('"balance":0');

    await publishOrderEvent({ orderNo: other.orderNo, status: "PENDING" });
    await publishOrderEvent({ orderNo: order.orderNo, status: "PENDING" });
    const pushed = await readUntil(reader, (text) => text.includes("event: order"));
    expect(pushed).toContain(`"orderNo":"${order.orderNo}"`);
    expect(pushed).not.toContain(other.orderNo);
    abort.abort();
  });

  it("is removed, with its subscription and slot, when the client goes away or cancels", async () => {
    const user = await newTestUser();
    const order = await placeOrder(user.id);
    const session = { userId: user.id, sessionVersion: 0 };
    const subscriptionsBefore = openSubscriptions();
    const streamsBefore = openOrderStreams();

    const abort = new AbortController();
    await orderEventStream({ session, orderNo: order.orderNo, signal: abort.signal });
    const cancelled = await orderEventStream({ session, orderNo: order.orderNo, signal: new AbortController().signal });
    expect(openSubscriptions()).toBe(subscriptionsBefore + 2);
    expect(openOrderStreams()).toBe(streamsBefore + 2);

    abort.abort();
    await cancelled.cancel();
    await waitFor(() => openSubscriptions() === subscriptionsBefore);
    expect(openSubscriptions()).toBe(subscriptionsBefore);
    expect(openOrderStreams()).toBe(streamsBefore);

    // Every slot came back: the user can open the full number again.
    const again = new AbortController();
    for (let index = 0; index < maxStreamsPerUser; index += 1) {
      await orderEventStream({ session, orderNo: order.orderNo, signal: again.signal });
    }
    again.abort();
  });

  it("allows a user only a few at once, refused with 429, and frees the slot of a refused read", async () => {
    const user = await newTestUser();
    const order = await placeOrder(user.id);
    const session = { userId: user.id, sessionVersion: 0 };
    const abort = new AbortController();
    await expect(orderEventStream({ session, orderNo: newOrderNo(), signal: abort.signal })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (let index = 0; index < maxStreamsPerUser; index += 1) {
      await orderEventStream({ session, orderNo: order.orderNo, signal: abort.signal });
    }
    await expect(orderEventStream({ session, orderNo: order.orderNo, signal: abort.signal })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
    });
    // Another user is not affected.
    const other = await newTestUser();
    const theirs = await placeOrder(other.id);
    await orderEventStream({
      session: { userId: other.id, sessionVersion: 0 },
      orderNo: theirs.orderNo,
      signal: abort.signal,
    });
    abort.abort();
  });

  it("refuses a session whose account is gone", async () => {
    const abort = new AbortController();
    await expect(
      orderEventStream({
        session: { userId: "no-such-user", sessionVersion: 0 },
        orderNo: newOrderNo(),
        signal: abort.signal,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A token from before the account's sessions were revoked (its version is behind).
    const revoked = await newTestUser();
    const order = await placeOrder(revoked.id);
    await (await getPrisma()).user.update({ where: { id: revoked.id }, data: { sessionVersion: 1 } });
    await expect(
      orderEventStream({
        session: { userId: revoked.id, sessionVersion: 0 },
        orderNo: order.orderNo,
        signal: abort.signal,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
