import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { testPaymentConnection } from "@/lib/payment-configs/test-connection";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  await readJson(request);
  return NextResponse.json({ result: await testPaymentConnection((await context.params).id, admin.id) });
});
