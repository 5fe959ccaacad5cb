import { acknowledged, retryScheduleSeconds } from "@/lib/sandbox/alipay/delivery";
import { handleGateway } from "@/lib/sandbox/alipay/gateway";
import { paymentNotify, refundNotify, signatureProbe } from "@/lib/sandbox/alipay/notifies";
import type { SandboxProtocol } from "@/lib/sandbox/types";

/** The sandbox playing Alipay OpenAPI 2.0: the gateway.do endpoint and the notifies it sends. */
export const alipaySandbox: SandboxProtocol = {
  // gateway.do is one endpoint: the method is a param, so the route has no path to pass.
  handle: (request) => handleGateway(request),
  paymentNotify,
  refundNotify,
  signatureProbe,
  acknowledged,
  retryScheduleSeconds,
};
