import { NextResponse } from "next/server";
import { voidUserLot } from "@/lib/admin/void-user-lot";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { voidLotSchema } from "@/lib/wallet/void-lot";

type Context = { params: Promise<{ id: string; lotId: string }> };

/** Voids a lot's remainder with a compensating entry. */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const { reason } = parseInput(voidLotSchema, await readJson(request));
  const { id, lotId } = await context.params;
  await voidUserLot({ userId: id, lotId, actorId: admin.id, reason });
  return NextResponse.json({ voided: true });
});
