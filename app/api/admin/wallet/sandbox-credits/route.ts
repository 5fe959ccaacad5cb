import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { voidSandboxCredits, voidSandboxCreditsSchema } from "@/lib/wallet/void-sandbox-credits";

/** Voids every credit bought through the sandbox (going live); the body must confirm it. */
export const DELETE = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const input = parseInput(voidSandboxCreditsSchema, await readJson(request));
  return NextResponse.json(await voidSandboxCredits({ actorId: admin.id, reason: input.reason }));
});
