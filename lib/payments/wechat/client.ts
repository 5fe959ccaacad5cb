/**
 * Signed HTTP transport for WeChat Pay API v3: signs each request, bounds it with a timeout,
 * verifies each response's signature and reports every call to `deps.recordCall`.
 *
 * Why not the installed `wechatpay-node-v3`: it hard-codes https://api.mch.weixin.qq.com (we
 * must talk to the configured gateway: our sandbox, on-prem), makes nonces with Math.random
 * (they must be unpredictable) and never verifies response signatures (an unverified
 * "SUCCESS" could credit a user). So signing and verification use node:crypto directly.
 */
import { readCapped } from "@/lib/http/read-capped";
import { logger } from "@/lib/log/logger";
import {
  ProviderError,
  type AdapterDeps,
  type ProviderCallRecord,
  type ProviderErrorKind,
  type ProviderOperation,
} from "@/lib/payments/types";
import type { ResolvedWechatConfig } from "./config";
import { SIGNATURE_HEADERS, signRequest } from "./sign";
import { verifySignedMessage } from "./verify";

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;
const USER_AGENT = "recharge-app-wechatpay/1";

export interface CallSpec {
  operation: ProviderOperation;
  method: "GET" | "POST";
  /** API path, already escaped, appended to the gateway base URL. */
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  orderNo?: string;
  /** Recorded as the request: identifiers and amounts, never keys or headers. */
  summary: Record<string, unknown>;
}

/** An HTTP answer whose signature verified, or an error answer that carried no signature. */
export interface Reply {
  status: number;
  body: string;
  signed: boolean;
}

/** What an operation made of a reply, plus what to record about it. */
export interface Outcome<T> {
  value: T;
  summary: Record<string, unknown>;
}

export interface WechatClient {
  /** `interpret` turns the reply into a value or throws a ProviderError (rejected, invalid). */
  call<T>(spec: CallSpec, interpret: (reply: Reply) => Outcome<T>): Promise<T>;
}

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const OUTCOMES: Record<ProviderErrorKind, ProviderCallRecord["outcome"]> = {
  TIMEOUT: "timeout",
  NETWORK: "network_error",
  REJECTED: "provider_error",
  SYSTEM_ERROR: "provider_error",
  BAD_RESPONSE_SIGNATURE: "bad_response_signature",
  INVALID_RESPONSE: "provider_error",
};

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** Reads at most `limit` bytes, so a misbehaving gateway cannot exhaust memory. */
async function readResponse(response: Response, limit: number): Promise<string> {
  const body = await readCapped(response.body, limit);
  if (!body) {
    throw new ProviderError(
      "WECHAT",
      "INVALID_RESPONSE",
      `response larger than ${limit} bytes`,
      undefined,
      response.status,
    );
  }
  return body.toString("utf8");
}

export function createWechatClient(config: ResolvedWechatConfig, deps: AdapterDeps = {}): WechatClient {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function transport(url: URL, init: RequestInit): Promise<RawReply> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      // A payment API never redirects; following one could hand our request to another host.
      const response = await fetchImpl(url.href, { ...init, signal: controller.signal, redirect: "error" });
      const body = await readResponse(response, MAX_RESPONSE_BYTES);
      return { status: response.status, headers: Object.fromEntries(response.headers), body };
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      if (controller.signal.aborted) throw new ProviderError("WECHAT", "TIMEOUT", `no answer within ${timeoutMs} ms`);
      throw new ProviderError("WECHAT", "NETWORK", `network error: ${describe(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async function exchange(spec: CallSpec): Promise<Reply> {
    const url = new URL(`${config.gatewayBaseUrl}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    const body = spec.body === undefined ? "" : JSON.stringify(spec.body);
    const headers: Record<string, string> = {
      Authorization: signRequest({
        method: spec.method,
        pathWithQuery: `${url.pathname}${url.search}`,
        body,
        mchId: config.mchId,
        serialNo: config.merchantSerialNo,
        privateKey: config.merchantPrivateKey,
        nowMs: now(),
      }),
      Accept: "application/json",
      "User-Agent": USER_AGENT,
    };
    if (body) headers["Content-Type"] = "application/json";
    // Tells WeChat to sign the answer with its public key rather than a platform certificate.
    if (config.wechatPayPublicKeyId) headers["Wechatpay-Serial"] = config.wechatPayPublicKeyId;

    const raw = await transport(url, { method: spec.method, headers, body: body || undefined });
    const success = raw.status >= 200 && raw.status < 300;
    const carriesSignature = Object.values(SIGNATURE_HEADERS).some((name) => raw.headers[name] !== undefined);
    // Gateway-level errors (e.g. 401 SIGN_ERROR) come unsigned; they are failures either way.
    if (!success && !carriesSignature) return { status: raw.status, body: raw.body, signed: false };
    const check = verifySignedMessage({ headers: raw.headers, body: raw.body, keys: config.keys, nowMs: now() });
    if (!check.ok) {
      const message = `response ${check.reason}: ${check.detail}`;
      throw new ProviderError("WECHAT", "BAD_RESPONSE_SIGNATURE", message, undefined, raw.status);
    }
    return { status: raw.status, body: raw.body, signed: true };
  }

  async function record(entry: ProviderCallRecord): Promise<void> {
    try {
      await deps.recordCall?.(entry);
    } catch (error) {
      // Recording is bookkeeping; it must never change the result of a payment call.
      logger.warn("wechat provider call record failed", { operation: entry.operation, error });
    }
  }

  return {
    async call(spec, interpret) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const base = {
        provider: "WECHAT" as const,
        operation: spec.operation,
        orderNo: spec.orderNo,
        request: spec.summary,
      };
      let httpStatus: number | undefined;
      try {
        const reply = await exchange(spec);
        httpStatus = reply.status;
        const outcome = interpret(reply);
        await record({ ...base, response: outcome.summary, httpStatus, latencyMs: elapsed(), outcome: "ok" });
        return outcome.value;
      } catch (error) {
        const failure = error instanceof ProviderError ? error : undefined;
        await record({
          ...base,
          response: failure?.providerCode ? { code: failure.providerCode } : undefined,
          httpStatus: failure?.httpStatus ?? httpStatus,
          latencyMs: elapsed(),
          outcome: failure ? OUTCOMES[failure.kind] : "provider_error",
          errorMessage: describe(error),
        });
        throw error;
      }
    },
  };
}
