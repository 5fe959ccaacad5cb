import { receiveNotify } from "@/lib/recharge/notify-endpoint";

type Context = { params: Promise<{ provider: string; configId: string }> };

/** Payment notifies from WeChat Pay and Alipay, one URL per payment config. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return receiveNotify(request, await context.params, "payment");
}
