import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (_request: Request, context: Context) => {
  await requireApiAdmin();
  return NextResponse.json(await listDeliveries({ endpointId: (await context.params).id }));
});
