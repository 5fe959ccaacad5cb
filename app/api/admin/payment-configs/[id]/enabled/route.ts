import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { setPaymentConfigEnabled } from "@/lib/payment-configs/set-enabled";

type Context = { params: Promise<{ id: string }> };

const bodySchema = z.object({
  enabled: z.boolean(),
  /** Disabling the default: which config of the provider becomes the default. */
  successorId: z.string().min(1).max(64).optional(),
});

export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const { enabled, successorId } = parseInput(bodySchema, await readJson(request));
  await setPaymentConfigEnabled({ id: (await context.params).id, enabled, actorId: admin.id, successorId });
  return NextResponse.json({ ok: true });
});
