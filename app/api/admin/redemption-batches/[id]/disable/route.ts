import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { disableBatch } from "@/lib/redemption/disable-batch";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const { disabledAt } = await disableBatch({ batchId: (await context.params).id, actorId: admin.id });
  return NextResponse.json({ disabledAt: disabledAt.toISOString() });
});
