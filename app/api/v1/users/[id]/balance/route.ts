import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { operations } from "@/lib/api/v1/operations";
import { userIdPath } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/http/validate";
import { getBalance } from "@/lib/wallet/get-balance";

type Context = { params: Promise<{ id: string }> };

export const GET = operationRoute(operations.getBalance, async (_request, _caller, context: Context) => {
  const { id } = parseInput(userIdPath, await context.params);
  const balance = await getBalance(id);
  return NextResponse.json({
    userId: id,
    ...balance,
    nextExpiry: balance.nextExpiry && { at: balance.nextExpiry.at.toISOString(), amount: balance.nextExpiry.amount },
  });
});
