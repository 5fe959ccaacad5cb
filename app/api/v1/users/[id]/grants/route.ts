import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/v1/api-route";
import { idempotencyKeyOf, runIdempotent } from "@/lib/api/v1/idempotent";
import { operations } from "@/lib/api/v1/operations";
import { grantBody, userIdPath } from "@/lib/api/v1/schemas";
import { readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { entryView, lotView } from "@/lib/service-api/views";
import { grantCredits } from "@/lib/wallet/grant-credits";

type Context = { params: Promise<{ id: string }> };

export const POST = operationRoute(operations.grant, async (request, caller, context: Context) => {
  const { id } = parseInput(userIdPath, await context.params);
  const idempotencyKey = idempotencyKeyOf(request);
  const input = parseInput(grantBody, await readJson(request));
  const result = await runIdempotent({
    operation: "grant",
    idempotencyKey,
    keyId: caller.keyId,
    request: { path: `/users/${id}/grants`, input },
    run: async (tx) => {
      const grant = await grantCredits(tx, {
        userId: id,
        source: "GRANT",
        kind: "GRANT",
        idempotencyKey: `api:grant:${idempotencyKey}`,
        ...input,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      });
      const { heldCredits } = await tx.user.findUniqueOrThrow({ where: { id }, select: { heldCredits: true } });
      return {
        status: 201,
        body: {
          entry: entryView(grant.entry),
          lot: lotView(grant.lot),
          balance: { total: grant.balance, available: grant.balance - heldCredits },
        },
      };
    },
  });
  return NextResponse.json(result.body, { status: result.status });
});
