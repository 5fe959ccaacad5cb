import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { paymentConfigInputSchema } from "@/lib/payment-configs/config-input";
import { getPaymentConfigView } from "@/lib/payment-configs/config-view";
import { deletePaymentConfig } from "@/lib/payment-configs/delete-payment-config";
import { updatePaymentConfig } from "@/lib/payment-configs/update-payment-config";

type Context = { params: Promise<{ id: string }> };

const maxConfigBytes = 128 * 1024;

export const GET = handle(async (_request: Request, context: Context) => {
  await requireApiAdmin();
  return NextResponse.json({ config: await getPaymentConfigView((await context.params).id) });
});

/** The whole form; empty secret fields keep the stored secrets. */
export const PATCH = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const input = parseInput(paymentConfigInputSchema, await readJson(request, maxConfigBytes));
  const config = await updatePaymentConfig({ id: (await context.params).id, input, actorId: admin.id });
  return NextResponse.json({ config });
});

const successorSchema = z.string().min(1).max(64).optional();

/** `?successor=<id>`: deleting the default, which config of the provider becomes the default. */
export const DELETE = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const successorId = parseInput(successorSchema, new URL(request.url).searchParams.get("successor") ?? undefined);
  await deletePaymentConfig({ id: (await context.params).id, actorId: admin.id, successorId });
  return NextResponse.json({ ok: true });
});
