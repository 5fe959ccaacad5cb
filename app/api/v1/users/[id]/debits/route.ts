import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { idempotencyKeyOf, runIdempotent } from "@/lib/api/v1/idempotent";
import { operations } from "@/lib/api/v1/operations";
import { debitBody, userIdPath } from "@/lib/api/v1/schemas";
import { readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { drawView, entryView } from "@/lib/service-api/views";
import { debitCredits } from "@/lib/wallet/debit-credits";

type Context = { params: Promise<{ id: string }> };

export const POST = operationRoute(operations.debit, async (request, caller, context: Context) => {
  const { id } = parseInput(userIdPath, await context.params);
  const idempotencyKey = idempotencyKeyOf(request);
  const input = parseInput(debitBody, await readJson(request));
  const result = await runIdempotent({
    operation: "debit",
    idempotencyKey,
    keyId: caller.keyId,
    request: { path: `/users/${id}/debits`, input },
    run: async (tx) => {
      const debit = await debitCredits(tx, {
        userId: id,
        kind: "CONSUME",
        idempotencyKey: `api:debit:${idempotencyKey}`,
        ...input,
      });
      return {
        status: 201,
        body: {
          entry: entryView(debit.entry),
          draws: debit.draws.map(drawView),
          balance: { total: debit.balance, available: debit.available },
        },
      };
    },
  });
  return NextResponse.json(result.body, { status: result.status });
});
