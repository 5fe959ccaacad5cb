import { sandboxDisabledResponse } from "@/lib/sandbox/guard";
import { wechatSandbox } from "@/lib/sandbox/wechat";

type Context = { params: Promise<{ path: string[] }> };

/** The sandbox playing WeChat Pay API v3 at <APP_URL>/sandbox/wechat/v3/…. */
async function handler(request: Request, context: Context): Promise<Response> {
  const disabled = sandboxDisabledResponse();
  if (disabled) return disabled;
  const { path } = await context.params;
  return wechatSandbox.handle(request, ["v3", ...path]);
}

export { handler as GET, handler as POST };
