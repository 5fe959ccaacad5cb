import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { setDefaultPaymentConfig } from "@/lib/payment-configs/set-default";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  // A JSON body, even an empty one, keeps cross-site form posts out.
  await readJson(request);
  await setDefaultPaymentConfig((await context.params).id, admin.id);
  return NextResponse.json({ ok: true });
});
