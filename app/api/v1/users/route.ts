import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { operations } from "@/lib/api/v1/operations";
import { userLookupQuery } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/http/validate";
import { getUser } from "@/lib/service-api/get-user";

export const GET = operationRoute(operations.findUser, async (request) => {
  const query = parseInput(userLookupQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await getUser(query));
});
