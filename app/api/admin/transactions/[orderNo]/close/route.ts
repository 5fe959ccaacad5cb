import { NextResponse } from "next/server";
import { closeOrderAsAdmin } from "@/lib/admin/order-actions";
import { withProviderErrors } from "@/lib/admin/provider-errors";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";

type Context = { params: Promise<{ orderNo: string }> };

/** Close a pending order at the provider and here (a paid one is credited instead). */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  await readJson(request);
  const { orderNo } = await context.params;
  return NextResponse.json({ result: await withProviderErrors(() => closeOrderAsAdmin(orderNo, admin.id)) });
});
