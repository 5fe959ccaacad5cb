import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { paymentConfigInputSchema } from "@/lib/payment-configs/config-input";
import { getPaymentConfigView, listPaymentConfigs } from "@/lib/payment-configs/config-view";
import { createPaymentConfigAsAdmin } from "@/lib/payment-configs/create-config-as-admin";

/** PEM keys and a few certificates fit easily; anything bigger is not a config. */
const maxConfigBytes = 128 * 1024;

export const GET = handle(async (request: Request) => {
  await requireApiAdmin();
  const includeDeleted = new URL(request.url).searchParams.get("deleted") === "1";
  return NextResponse.json({ configs: await listPaymentConfigs({ includeDeleted }) });
});

export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const input = parseInput(paymentConfigInputSchema, await readJson(request, maxConfigBytes));
  const config = await createPaymentConfigAsAdmin(input, admin.id);
  return NextResponse.json({ config: await getPaymentConfigView(config.id) }, { status: 201 });
});
