import { NextResponse } from "next/server";
import { z } from "zod";
import { listUsers } from "@/lib/admin/list-users";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

const querySchema = z.object({
  q: z.string().trim().max(254).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const GET = handle(async (request: Request) => {
  await requireApiAdmin();
  const query = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listUsers(query));
});
