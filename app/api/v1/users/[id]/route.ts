import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { operations } from "@/lib/api/v1/operations";
import { externalIdBody, userIdPath } from "@/lib/api/v1/schemas";
import { readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { getUser } from "@/lib/service-api/get-user";
import { setExternalId } from "@/lib/service-api/set-external-id";

type Context = { params: Promise<{ id: string }> };

export const GET = operationRoute(operations.getUser, async (_request, _caller, context: Context) => {
  const { id } = parseInput(userIdPath, await context.params);
  return NextResponse.json(await getUser({ id }));
});

export const PATCH = operationRoute(operations.setExternalId, async (request, _caller, context: Context) => {
  const { id } = parseInput(userIdPath, await context.params);
  const { externalId } = parseInput(externalIdBody, await readJson(request));
  return NextResponse.json(await setExternalId({ userId: id, externalId }));
});
