import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { resendDelivery } from "@/lib/webhooks/resend-delivery";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  await resendDelivery({ deliveryId: (await context.params).id, actorId: admin.id });
  return NextResponse.json({ ok: true });
});
