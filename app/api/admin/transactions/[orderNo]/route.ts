import { NextResponse } from "next/server";
import { getOrderDetail } from "@/lib/admin/transactions/order-detail";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";

type Context = { params: Promise<{ orderNo: string }> };

export const GET = handle(async (_request: Request, context: Context) => {
  await requireApiAdmin();
  return NextResponse.json(await getOrderDetail((await context.params).orderNo));
});
