import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { cancelOrder } from "@/lib/recharge/cancel-order";
import { orderView } from "@/lib/recharge/order-view";

type Context = { params: Promise<{ orderNo: string }> };

export const POST = handle(async (_request: Request, context: Context) => {
  const user = await requireApiUser();
  const order = await cancelOrder(user.id, (await context.params).orderNo);
  return NextResponse.json({ order: orderView(order) });
});
