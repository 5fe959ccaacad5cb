import { sandboxDisabledResponse } from "@/lib/sandbox/guard";
import { alipaySandbox } from "@/lib/sandbox/alipay";

/** The sandbox playing Alipay's OpenAPI gateway at <APP_URL>/sandbox/alipay/gateway.do. */
async function handler(request: Request): Promise<Response> {
  return sandboxDisabledResponse() ?? alipaySandbox.handle(request, []);
}

export { handler as GET, handler as POST };
