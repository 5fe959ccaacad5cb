import type { SessionClaims } from "@/lib/auth/session-claims";
import { AppError } from "@/lib/errors";
import { subscribeToOrder } from "@/lib/events/order-events";
import { logger } from "@/lib/log/logger";
import { trackLiveStream } from "@/lib/metrics/registry";
import { readOrderStatus, type OrderStatus } from "@/lib/recharge/read-order-status";

const heartbeatMs = 15_000;
/**
 * Live streams one user may hold open on one instance (a few tabs); more are refused with 429
 * and the page polls instead. It bounds what one account can make an instance hold.
 */
export const maxStreamsPerUser = 5;

const encoder = new TextEncoder();
const retryFrame = encoder.encode("retry: 3000\n\n");
const heartbeatFrame = encoder.encode(": heartbeat\n\n");

const frame = (status: OrderStatus) => encoder.encode(`event: order\ndata: ${JSON.stringify(status)}\n\n`);

/** One timer beats every open stream of the instance, rather than one timer per stream. */
const beating = new Set<() => void>();
let heartbeatTimer: NodeJS.Timeout | undefined;

function startBeating(beat: () => void): void {
  beating.add(beat);
  heartbeatTimer ??= setInterval(() => {
    for (const next of beating) next();
  }, heartbeatMs).unref();
}

function stopBeating(beat: () => void): void {
  beating.delete(beat);
  if (beating.size === 0 && heartbeatTimer) {
    clearInterval(heartbeatTimer);
    heartbeatTimer = undefined;
  }
}

const streamsByUser = new Map<string, number>();

/** Takes one of the user's stream slots; the returned function gives it back (once). */
function claimStreamSlot(userId: string): () => void {
  const open = streamsByUser.get(userId) ?? 0;
  if (open >= maxStreamsPerUser) throw new AppError("RATE_LIMITED", "too_many_live_streams");
  streamsByUser.set(userId, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (streamsByUser.get(userId) ?? 1) - 1;
    if (left > 0) streamsByUser.set(userId, left);
    else streamsByUser.delete(userId);
  };
}

/** Streams open in this instance (all users). */
export function openOrderStreams(): number {
  return beating.size;
}

export interface OrderEventStreamOptions {
  session: SessionClaims;
  orderNo: string;
  /** The request's signal: the client going away ends the stream. */
  signal: AbortSignal;
}

/**
 * Server-sent events for one of the user's orders: the current state at once, then every
 * change (from any app instance), with heartbeats so proxies keep the connection open.
 * Everything it holds is released when the client goes away or the stream is cancelled.
 */
export async function orderEventStream({
  session,
  orderNo,
  signal,
}: OrderEventStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const releaseSlot = claimStreamSlot(session.userId);
  const untrack = trackLiveStream();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let unsubscribe = () => {};
  let closed = false;

  const close = () => {
    if (closed) return;
    closed = true;
    signal.removeEventListener("abort", close);
    stopBeating(beat);
    unsubscribe();
    releaseSlot();
    untrack();
    try {
      controller?.close();
    } catch {
      // already closed by the other side
    }
  };
  const send = (bytes: Uint8Array) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(bytes);
    } catch {
      close();
    }
  };
  const beat = () => send(heartbeatFrame);

  // Created first (start runs at once), so an event arriving while the first read runs is not lost.
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel: close,
  });
  signal.addEventListener("abort", close);
  try {
    // Subscribed before the first read: a change committed in between is still pushed.
    unsubscribe = await subscribeToOrder(orderNo, () => {
      if (closed) return;
      readOrderStatus({ session, orderNo }).then(
        (status) => send(frame(status)),
        (error: unknown) => logger.warn("order stream snapshot failed", { orderNo, error }),
      );
    });
    const first = await readOrderStatus({ session, orderNo });
    // A client gone before the listener was added never fires it.
    if (signal.aborted) close();
    if (!closed) {
      startBeating(beat);
      send(retryFrame);
      send(frame(first));
    }
  } catch (error) {
    close();
    throw error;
  }
  return stream;
}
