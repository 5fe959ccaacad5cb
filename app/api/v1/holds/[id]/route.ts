import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { operations } from "@/lib/api/v1/operations";
import { holdIdPath } from "@/lib/api/v1/schemas";
import { getHold } from "@/lib/holds/get-hold";
import { parseInput } from "@/lib/http/validate";
import { holdView } from "@/lib/service-api/views";

type Context = { params: Promise<{ id: string }> };

export const GET = operationRoute(operations.getHold, async (_request, _caller, context: Context) => {
  const { id } = parseInput(holdIdPath, await context.params);
  return NextResponse.json(holdView(await getHold({ holdId: id })));
});
