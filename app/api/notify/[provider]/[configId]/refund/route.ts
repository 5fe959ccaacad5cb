import { receiveNotify } from "@/lib/recharge/notify-endpoint";

type Context = { params: Promise<{ provider: string; configId: string }> };

/** Refund notifies (WeChat Pay sends them to the URL given with each refund). */
export async function POST(request: Request, context: Context): Promise<Response> {
  return receiveNotify(request, await context.params, "refund");
}
