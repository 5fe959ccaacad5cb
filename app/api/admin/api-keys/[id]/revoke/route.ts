import { NextResponse } from "next/server";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  await revokeApiKey({ id: (await context.params).id, actorId: admin.id });
  return NextResponse.json({ ok: true });
});
