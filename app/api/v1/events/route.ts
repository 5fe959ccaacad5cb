import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { operations } from "@/lib/api/v1/operations";
import { eventsQuery } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/http/validate";
import { listEvents } from "@/lib/service-api/list-events";

export const GET = operationRoute(operations.listEvents, async (request) => {
  const query = parseInput(eventsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listEvents(query));
});
