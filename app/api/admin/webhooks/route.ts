import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { createEndpoint } from "@/lib/webhooks/create-endpoint";
import { endpointInputSchema } from "@/lib/webhooks/endpoint-input";
import { listEndpoints } from "@/lib/webhooks/list-endpoints";

export const GET = handle(async () => {
  await requireApiAdmin();
  return NextResponse.json({ endpoints: await listEndpoints() });
});

export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const input = parseInput(endpointInputSchema(env().SANDBOX_ENABLED), await readJson(request));
  // The signing secret is in this answer and nowhere else: it must not be cached on the way.
  return NextResponse.json(await createEndpoint({ input, actorId: admin.id }), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
