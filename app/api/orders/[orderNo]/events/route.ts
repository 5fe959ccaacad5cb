import type { NextRequest } from "next/server";
import { requireSessionClaims } from "@/lib/auth/session-claims";
import { handle } from "@/lib/http/respond";
import { orderEventStream } from "@/lib/recharge/order-stream";

type Context = { params: Promise<{ orderNo: string }> };

export const dynamic = "force-dynamic";

/** Live status of one of the caller's orders (server-sent events). */
export const GET = handle(async (request: NextRequest, context: Context) => {
  const session = await requireSessionClaims(request);
  const { orderNo } = await context.params;
  const stream = await orderEventStream({ session, orderNo, signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
