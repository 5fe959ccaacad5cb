import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { orderEventStream } from "@/lib/recharge/order-stream";

type Context = { params: Promise<{ orderNo: string }> };

export const dynamic = "force-dynamic";

/** Live status of one of the caller's orders (server-sent events). */
export const GET = handle(async (request: Request, context: Context) => {
  const user = await requireApiUser();
  const stream = await orderEventStream(user.id, (await context.params).orderNo, request.signal);
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
