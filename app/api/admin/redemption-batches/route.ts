import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { batchInputSchema } from "@/lib/redemption/batch-input";
import { createBatch } from "@/lib/redemption/create-batch";

/** Creates a batch; its codes are fetched once from …/[id]/codes. */
export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const input = parseInput(batchInputSchema, await readJson(request));
  const batch = await createBatch({ input, actorId: admin.id });
  return NextResponse.json({ batch: { id: batch.id, codeCount: batch.codeCount } }, { status: 201 });
});
