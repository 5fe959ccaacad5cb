import { getPrisma } from "@/lib/db";
import { subscribeToOrder } from "@/lib/events/order-events";
import { logger } from "@/lib/log/logger";
import { trackLiveStream } from "@/lib/metrics/registry";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { orderView } from "@/lib/recharge/order-view";

const heartbeatMs = 15_000;
const encoder = new TextEncoder();

/**
 * Server-sent events for one of the user's orders: the current state at once, then every
 * change (from any app instance), with heartbeats so proxies keep the connection open.
 */
export async function orderEventStream(userId: string, orderNo: string, signal: AbortSignal): Promise<ReadableStream> {
  const order = await getOwnOrder(userId, orderNo);
  const prisma = await getPrisma();

  const snapshot = async () => {
    const [current, user] = await Promise.all([
      prisma.rechargeOrder.findUniqueOrThrow({ where: { id: order.id } }),
      prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { balance: true } }),
    ]);
    return `event: order\ndata: ${JSON.stringify({ order: orderView(current), balance: user.balance })}\n\n`;
  };

  let cleanup = () => {};
  return new ReadableStream({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeToOrder(order.orderNo, () => {
        snapshot().then(send, (error: unknown) => logger.warn("order stream snapshot failed", { orderNo, error }));
      });
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      const untrack = trackLiveStream();
      cleanup = () => {
        untrack();
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", () => cleanup());
      send("retry: 3000\n\n");
      send(await snapshot());
    },
    cancel() {
      cleanup();
    },
  });
}
