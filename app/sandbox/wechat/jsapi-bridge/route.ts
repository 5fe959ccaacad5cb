import { sandboxDisabledResponse } from "@/lib/sandbox/guard";
import { answerBridgeRequest } from "@/lib/sandbox/wechat/jsapi-bridge";

/** What a test's WeixinJSBridge posts getBrandWCPayRequest's parameters to: WeChat's cashier. */
export async function POST(request: Request): Promise<Response> {
  return sandboxDisabledResponse() ?? answerBridgeRequest(request);
}
