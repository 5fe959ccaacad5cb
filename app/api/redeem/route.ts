import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/client-address";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { redeemCode } from "@/lib/redemption/redeem-code";

const redeemSchema = z.object({ code: z.string("required").trim().min(1, "required").max(100, "too_long") });

export const POST = handle(async (request: Request) => {
  const user = await requireApiUser();
  const { code } = parseInput(redeemSchema, await readJson(request, 1024));
  const result = await redeemCode({ userId: user.id, code, client: clientAddress(request.headers) });
  return NextResponse.json(
    {
      redemption: {
        credits: result.credits,
        category: result.category,
        expiresAt: result.expiresAt?.toISOString() ?? null,
        balance: result.balance,
      },
    },
    { status: 201 },
  );
});
