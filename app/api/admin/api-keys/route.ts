import { NextResponse } from "next/server";
import { apiKeyInputSchema } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

export const GET = handle(async () => {
  await requireApiAdmin();
  return NextResponse.json({ keys: await listApiKeys() });
});

export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const input = parseInput(apiKeyInputSchema, await readJson(request));
  // The key is in this answer and nowhere else: it must not be cached on the way.
  return NextResponse.json(await createApiKey({ input, actorId: admin.id }), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
