import { sandboxDisabledResponse } from "@/lib/sandbox/guard";
import { accessToken } from "@/lib/sandbox/wechat/oauth";

/** The sandbox playing api.weixin.qq.com/sns/oauth2/access_token. */
export async function GET(request: Request): Promise<Response> {
  return sandboxDisabledResponse() ?? accessToken(request);
}
