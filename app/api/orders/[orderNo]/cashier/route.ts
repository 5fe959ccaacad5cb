import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { consume } from "@/lib/rate-limit";
import { issueCashierUrl } from "@/lib/recharge/issue-cashier-url";

type Context = { params: Promise<{ orderNo: string }> };

const cashierLimit = { name: "order-cashier-user", points: 30, durationSeconds: 60 };

/** The signed URL of the provider's website cashier for one of the user's PAGE orders. */
export const GET = handle(async (_request: Request, context: Context) => {
  const user = await requireApiUser();
  await consume(cashierLimit, user.id);
  const issued = await issueCashierUrl({ userId: user.id, orderNo: (await context.params).orderNo });
  return NextResponse.json(issued, { headers: { "cache-control": "no-store" } });
});
