import { NextResponse } from "next/server";
import { grantInputSchema, grantUserCredits } from "@/lib/admin/grant-user-credits";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

type Context = { params: Promise<{ id: string }> };

/** Grants a lot of credits; the form's requestId makes a resubmission a no-op. */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const input = parseInput(grantInputSchema, await readJson(request));
  const grant = await grantUserCredits({ userId: (await context.params).id, actorId: admin.id, input });
  return NextResponse.json({ grant }, { status: 201 });
});
