import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { finishPayerAuth } from "@/lib/recharge/finish-payer-auth";

const callbackSchema = z.object({ code: z.string().min(1).max(128), state: z.string().min(1).max(128) });

/** WeChat's OAuth2 redirect back: spends the state, remembers the openid, returns to the order. */
export const GET = handle(async (request: Request) => {
  const user = await requireApiUser();
  const query = parseInput(callbackSchema, Object.fromEntries(new URL(request.url).searchParams));
  const { orderNo, ok } = await finishPayerAuth({ userId: user.id, ...query });
  const target = new URL(`/orders/${encodeURIComponent(orderNo)}`, env().APP_URL);
  if (!ok) target.searchParams.set("wechatAuth", "failed");
  return NextResponse.redirect(target, { status: 302, headers: { "cache-control": "no-store" } });
});
