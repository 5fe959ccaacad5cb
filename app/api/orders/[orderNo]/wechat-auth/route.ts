import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { consume } from "@/lib/rate-limit";
import { startPayerAuth } from "@/lib/recharge/start-payer-auth";

type Context = { params: Promise<{ orderNo: string }> };

const authLimit = { name: "order-wechat-auth-user", points: 20, durationSeconds: 60 };

/** Sends the browser through WeChat's OAuth2 (snsapi_base) to learn the payer's openid. */
export const GET = handle(async (_request: Request, context: Context) => {
  const user = await requireApiUser();
  await consume(authLimit, user.id);
  const url = await startPayerAuth({ userId: user.id, orderNo: (await context.params).orderNo });
  return NextResponse.redirect(url, { status: 302, headers: { "cache-control": "no-store" } });
});
