import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { endpointInputSchema } from "@/lib/webhooks/endpoint-input";
import { updateEndpoint } from "@/lib/webhooks/update-endpoint";

type Context = { params: Promise<{ id: string }> };

export const PATCH = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const input = parseInput(endpointInputSchema(env().SANDBOX_ENABLED), await readJson(request));
  const endpoint = await updateEndpoint({ id: (await context.params).id, input, actorId: admin.id });
  return NextResponse.json({ endpoint });
});
