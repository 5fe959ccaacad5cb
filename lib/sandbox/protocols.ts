import type { Provider } from "@prisma/client";
import { alipaySandbox } from "@/lib/sandbox/alipay";
import type { SandboxProtocol } from "@/lib/sandbox/types";
import { wechatSandbox } from "@/lib/sandbox/wechat";

/** Which provider's side the sandbox plays for a merchant. */
export const sandboxProtocols: Record<Provider, SandboxProtocol> = {
  WECHAT: wechatSandbox,
  ALIPAY: alipaySandbox,
};
