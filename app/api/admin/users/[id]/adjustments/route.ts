import { NextResponse } from "next/server";
import { adjustBalance, adjustBalanceSchema } from "@/lib/admin/adjust-balance";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

type Context = { params: Promise<{ id: string }> };

/** A manual credit or debit; the form's requestId makes a resubmission a no-op. */
export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const input = parseInput(adjustBalanceSchema, await readJson(request));
  const entry = await adjustBalance({ ...input, userId: (await context.params).id, actorId: admin.id });
  return NextResponse.json(
    { entry: { seq: entry.seq, delta: entry.delta, balanceAfter: entry.balanceAfter } },
    { status: 201 },
  );
});
