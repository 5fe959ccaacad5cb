/**
 * The provider side of WeChat Pay API v3, as the sandbox plays it: the gateway the merchant
 * adapter calls, and the notifies the shared dispatcher sends on WeChat's retry schedule.
 */
import type { SandboxProtocol } from "@/lib/sandbox/types";
import { handleGatewayRequest } from "./gateway";
import { acknowledged, retryScheduleSeconds } from "./notify-policy";
import { paymentNotify, refundNotify, signatureProbe } from "./notifies";

export const wechatSandbox: SandboxProtocol = {
  handle: handleGatewayRequest,
  paymentNotify,
  refundNotify,
  signatureProbe,
  acknowledged: (status) => acknowledged(status),
  retryScheduleSeconds,
};
