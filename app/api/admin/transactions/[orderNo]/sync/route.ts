import { NextResponse } from "next/server";
import { syncOrder } from "@/lib/admin/order-actions";
import { withProviderErrors } from "@/lib/admin/provider-errors";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";

type Context = { params: Promise<{ orderNo: string }> };

/** Ask the provider now and act on the answer (credit if paid). */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  await readJson(request);
  const { orderNo } = await context.params;
  return NextResponse.json({ result: await withProviderErrors(() => syncOrder(orderNo, admin.id)) });
});
