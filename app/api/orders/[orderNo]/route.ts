import { NextResponse, type NextRequest } from "next/server";
import { requireSessionClaims } from "@/lib/auth/session-claims";
import { handle } from "@/lib/http/respond";
import { readOrderStatus } from "@/lib/recharge/read-order-status";

type Context = { params: Promise<{ orderNo: string }> };

/** One of the caller's orders, with their balance: the polling fallback of the live page. */
export const GET = handle(async (request: NextRequest, context: Context) => {
  const session = await requireSessionClaims(request);
  return NextResponse.json(await readOrderStatus({ session, orderNo: (await context.params).orderNo }));
});
