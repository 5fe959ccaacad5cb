import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { consume } from "@/lib/rate-limit";
import { issueJsapiPayment } from "@/lib/recharge/issue-jsapi-payment";

type Context = { params: Promise<{ orderNo: string }> };

const payLimit = { name: "order-jsapi-user", points: 30, durationSeconds: 60 };

/** The signed parameters for WeixinJSBridge, or word that WeChat must first tell us who pays. */
export const POST = handle(async (_request: Request, context: Context) => {
  const user = await requireApiUser();
  await consume(payLimit, user.id);
  return NextResponse.json(await issueJsapiPayment({ userId: user.id, orderNo: (await context.params).orderNo }));
});
