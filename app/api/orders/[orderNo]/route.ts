import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { orderView } from "@/lib/recharge/order-view";

type Context = { params: Promise<{ orderNo: string }> };

/** One of the caller's orders, with their balance: the polling fallback of the live page. */
export const GET = handle(async (_request: Request, context: Context) => {
  const user = await requireApiUser();
  const order = await getOwnOrder(user.id, (await context.params).orderNo);
  return NextResponse.json({ order: orderView(order), balance: user.balance });
});
