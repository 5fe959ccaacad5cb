import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { orderView } from "@/lib/recharge/order-view";
import { requestCheck } from "@/lib/recharge/request-check";

type Context = { params: Promise<{ orderNo: string }> };

/** "I have paid": ask the provider now. */
export const POST = handle(async (_request: Request, context: Context) => {
  const user = await requireApiUser();
  const { order, providerState } = await requestCheck(user.id, (await context.params).orderNo);
  return NextResponse.json({ order: orderView(order), providerState });
});
