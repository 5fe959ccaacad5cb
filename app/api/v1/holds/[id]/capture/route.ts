import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { operations } from "@/lib/api/v1/operations";
import { captureBody, holdIdPath } from "@/lib/api/v1/schemas";
import { captureHold } from "@/lib/holds/capture-hold";
import { readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { drawView, entryView, holdView } from "@/lib/service-api/views";

type Context = { params: Promise<{ id: string }> };

export const POST = operationRoute(operations.captureHold, async (request, _caller, context: Context) => {
  const { id } = parseInput(holdIdPath, await context.params);
  const { amount } = parseInput(captureBody, await readJson(request));
  const result = await captureHold({ holdId: id, amount });
  return NextResponse.json({
    hold: holdView(result.hold),
    entry: result.entry && entryView(result.entry),
    draws: result.draws.map(drawView),
    balance: result.balance,
  });
});
