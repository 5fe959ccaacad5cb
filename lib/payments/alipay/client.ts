import { ProviderError } from "@/lib/payments/types";
import type { ResolvedAlipayConfig } from "./config";
import { postForm } from "./http";
import { buildPageUrl, buildRequestParams, splitForPost } from "./request";
import { verifyAlipayResponse } from "./response";
import { envelopeSchema, type Envelope } from "./schemas";
import { signParams } from "./sign";
import { formatBeijingTime } from "./time";

/**
 * One signed OpenAPI call to the configured gateway, returning only a response whose signature
 * verified. Business errors (code != 10000) come back as replies: what they mean depends on the
 * operation (ACQ.TRADE_NOT_EXIST is an answer to a query, a failure for a refund).
 */

export interface GatewayCall {
  method: string;
  bizContent: Readonly<Record<string, unknown>>;
  notifyUrl?: string;
}

export interface GatewayReply {
  httpStatus: number;
  envelope: Envelope;
  /** The verified response object. */
  payload: Readonly<Record<string, unknown>>;
}

export interface GatewayClientOptions {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs: number;
}

export interface GatewayClient {
  send(call: GatewayCall): Promise<GatewayReply>;
  /** The signed GET URL for a call the payer's browser makes (wap.pay); nothing is fetched. */
  pageUrl(call: GatewayCall & { returnUrl?: string }): string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function createGatewayClient(config: ResolvedAlipayConfig, options: GatewayClientOptions): GatewayClient {
  const signed = (call: GatewayCall & { returnUrl?: string }): Record<string, string> =>
    signParams(
      buildRequestParams({
        appId: config.appId,
        method: call.method,
        bizContent: call.bizContent,
        timestamp: formatBeijingTime(new Date(options.now())),
        ...(call.notifyUrl !== undefined ? { notifyUrl: call.notifyUrl } : {}),
        ...(call.returnUrl !== undefined ? { returnUrl: call.returnUrl } : {}),
      }),
      "request",
      config.privateKey,
    );

  return {
    pageUrl: (call) => buildPageUrl(config.gatewayUrl, signed(call)),

    async send(call) {
      const { query, body } = splitForPost(signed(call));
      const reply = await postForm(`${config.gatewayUrl}?${query}`, body, options);
      if (reply.status >= 500) {
        throw new ProviderError("ALIPAY", "NETWORK", `gateway answered HTTP ${reply.status}`, undefined, reply.status);
      }
      if (reply.status !== 200) {
        throw new ProviderError(
          "ALIPAY",
          "INVALID_RESPONSE",
          `gateway answered HTTP ${reply.status}`,
          undefined,
          reply.status,
        );
      }
      const verified = verifyAlipayResponse(reply.text, call.method, config.alipayPublicKey);
      if (!verified.ok) {
        const kind = verified.problem === "MALFORMED" ? "INVALID_RESPONSE" : "BAD_RESPONSE_SIGNATURE";
        throw new ProviderError("ALIPAY", kind, verified.detail, undefined, reply.status);
      }
      const envelope = envelopeSchema.safeParse(verified.payload);
      if (!isRecord(verified.payload) || !envelope.success) {
        throw new ProviderError("ALIPAY", "INVALID_RESPONSE", "response has no code", undefined, reply.status);
      }
      return { httpStatus: reply.status, envelope: envelope.data, payload: verified.payload };
    },
  };
}
