import { sandboxDisabledResponse } from "@/lib/sandbox/guard";
import { authorize } from "@/lib/sandbox/wechat/oauth";

/** The sandbox playing open.weixin.qq.com/connect/oauth2/authorize (scope snsapi_base). */
export async function GET(request: Request): Promise<Response> {
  return sandboxDisabledResponse() ?? authorize(request);
}
