import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { setPaymentConfigEnabled } from "@/lib/payment-configs/set-enabled";

type Context = { params: Promise<{ id: string }> };

const bodySchema = z.object({ enabled: z.boolean() });

export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const { enabled } = parseInput(bodySchema, await readJson(request));
  await setPaymentConfigEnabled((await context.params).id, enabled, admin.id);
  return NextResponse.json({ ok: true });
});
