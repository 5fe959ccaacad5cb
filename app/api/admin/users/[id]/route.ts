import { NextResponse } from "next/server";
import { searchParamsObject } from "@/lib/admin/search-params";
import { getUserDetail, userDetailQuerySchema } from "@/lib/admin/users/get-user-detail";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request: Request, context: Context) => {
  await requireApiAdmin();
  const query = parseInput(userDetailQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  return NextResponse.json(await getUserDetail((await context.params).id, query));
});
