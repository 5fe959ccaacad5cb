import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { listOwnEntries } from "@/lib/ledger/list-own-entries";

const listSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

/** The caller's credit history, newest first, with the running balance after each entry. */
export const GET = handle(async (request: Request) => {
  const user = await requireApiUser();
  const query = parseInput(listSchema, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listOwnEntries({ userId: user.id, ...query }));
});
