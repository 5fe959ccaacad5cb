import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { operations } from "@/lib/api/v1/operations";
import { entriesQuery, userIdPath } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/http/validate";
import { listEntries } from "@/lib/service-api/list-entries";

type Context = { params: Promise<{ id: string }> };

export const GET = operationRoute(operations.listEntries, async (request, _caller, context: Context) => {
  const { id } = parseInput(userIdPath, await context.params);
  const query = parseInput(entriesQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listEntries({ userId: id, ...query }));
});
