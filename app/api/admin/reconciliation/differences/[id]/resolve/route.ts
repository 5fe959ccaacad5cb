import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { resolveDifference, resolveDifferenceSchema } from "@/lib/bills/resolve-difference";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

type Context = { params: Promise<{ id: string }> };

/** Closes an open difference with the admin's note. */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const { note } = parseInput(resolveDifferenceSchema, await readJson(request));
  const row = await resolveDifference({ id: (await context.params).id, note, actorId: admin.id });
  return NextResponse.json({ difference: { id: row.id, status: "RESOLVED" } });
});
