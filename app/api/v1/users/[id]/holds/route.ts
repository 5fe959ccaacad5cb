import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { idempotencyKeyOf, runIdempotent } from "@/lib/api/v1/idempotent";
import { operations } from "@/lib/api/v1/operations";
import { holdBody, userIdPath } from "@/lib/api/v1/schemas";
import { createHold } from "@/lib/holds/create-hold";
import { readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { holdView } from "@/lib/service-api/views";

type Context = { params: Promise<{ id: string }> };

export const POST = operationRoute(operations.createHold, async (request, caller, context: Context) => {
  const { id } = parseInput(userIdPath, await context.params);
  const idempotencyKey = idempotencyKeyOf(request);
  const input = parseInput(holdBody, await readJson(request));
  const result = await runIdempotent({
    operation: "hold",
    idempotencyKey,
    keyId: caller.keyId,
    request: { path: `/users/${id}/holds`, input },
    run: async (tx) => {
      const hold = await createHold(tx, {
        userId: id,
        idempotencyKey: `api:hold:${idempotencyKey}`,
        apiKeyId: caller.keyId,
        ...input,
      });
      return { status: 201, body: holdView(hold) };
    },
  });
  return NextResponse.json(result.body, { status: result.status });
});
