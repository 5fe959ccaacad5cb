import { NextResponse } from "next/server";
import { handle } from "@/lib/http/respond";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { handlePageReturn } from "@/lib/recharge/handle-page-return";

type Context = { params: Promise<{ configId: string }> };

/** Alipay's return_url after its website cashier: check the order, then show it. Never credits by itself. */
export const GET = handle(async (request: Request, context: Context) => {
  const { path } = await handlePageReturn({
    configId: (await context.params).configId,
    query: new URL(request.url).search,
  });
  return new NextResponse(null, {
    status: 303,
    headers: { location: safeReturnPath(path), "cache-control": "no-store" },
  });
});
