/**
 * The official account's OAuth2 with scope snsapi_base: the silent redirect that tells us the
 * payer's openid, which a JSAPI payment needs. The access_token answer is not signed (it comes
 * over TLS from WeChat's API host), so nothing but the openid is taken from it.
 */
import { z } from "zod";
import { readCapped } from "@/lib/http/read-capped";
import { ProviderError, type AdapterDeps, type ProviderCallRecord } from "@/lib/payments/types";
import type { ResolvedWechatConfig } from "./config";
import { DEFAULT_TIMEOUT_MS } from "./client";

const MAX_ANSWER_BYTES = 16 * 1024;
const CODE = /^[A-Za-z0-9_-]{1,128}$/;

const tokenSchema = z.object({ openid: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });
const errorSchema = z.object({ errcode: z.number().int(), errmsg: z.string().max(256).optional() });

type OAuthConfig = Pick<ResolvedWechatConfig, "appId" | "appSecret" | "oauth">;

/** `open.weixin.qq.com/connect/oauth2/authorize?…#wechat_redirect`, parameters in WeChat's order. */
export function authorizeUrl(config: OAuthConfig, redirectUri: string, state: string): string {
  const query = new URLSearchParams({
    appid: config.appId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "snsapi_base",
    state,
  });
  return `${config.oauth.authorize}/connect/oauth2/authorize?${query}#wechat_redirect`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The openid for a code; a refused code (used, expired, another app id's) is REJECTED. */
export async function exchangeCode(config: OAuthConfig, code: string, deps: AdapterDeps = {}): Promise<string> {
  if (!config.appSecret) throw new RangeError("the config has no AppSecret: JSAPI payments need one");
  if (!CODE.test(code)) throw new RangeError("code must be 1-128 characters of A-Z a-z 0-9 _ -");
  const url = new URL(`${config.oauth.api}/sns/oauth2/access_token`);
  url.search = new URLSearchParams({
    appid: config.appId,
    secret: config.appSecret,
    code,
    grant_type: "authorization_code",
  }).toString();

  const started = performance.now();
  const record = async (entry: Omit<ProviderCallRecord, "provider" | "operation" | "request" | "latencyMs">) => {
    try {
      // Neither the secret nor the code is recorded.
      await deps.recordCall?.({
        provider: "WECHAT",
        operation: "oauth_code",
        request: { appId: config.appId },
        latencyMs: Math.round(performance.now() - started),
        ...entry,
      });
    } catch {
      // Bookkeeping only.
    }
  };

  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let status: number | undefined;
  let text: string;
  try {
    const response = await (deps.fetch ?? fetch)(url.href, {
      headers: { Accept: "application/json" },
      signal: controller.signal,
      redirect: "error",
    });
    status = response.status;
    const body = await readCapped(response.body, MAX_ANSWER_BYTES);
    if (!body)
      throw new ProviderError("WECHAT", "INVALID_RESPONSE", "access_token answer too large", undefined, status);
    text = body.toString("utf8");
  } catch (error) {
    const failure =
      error instanceof ProviderError
        ? error
        : controller.signal.aborted
          ? new ProviderError("WECHAT", "TIMEOUT", `no answer within ${timeoutMs} ms`)
          : new ProviderError("WECHAT", "NETWORK", `network error: ${describe(error)}`);
    await record({
      httpStatus: status,
      outcome: failure.kind === "TIMEOUT" ? "timeout" : "network_error",
      errorMessage: failure.message,
    });
    throw failure;
  } finally {
    clearTimeout(timer);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const token = tokenSchema.safeParse(json);
  if (status === 200 && token.success) {
    await record({ httpStatus: status, response: { openid: "set" }, outcome: "ok" });
    return token.data.openid;
  }
  const refusal = errorSchema.safeParse(json);
  const providerCode = refusal.success ? String(refusal.data.errcode) : undefined;
  const message = refusal.success ? (refusal.data.errmsg ?? `errcode ${providerCode}`) : `HTTP ${status}`;
  // -1 is WeChat's "system busy": the code may still be good.
  const kind = !refusal.success || refusal.data.errcode === -1 ? "SYSTEM_ERROR" : "REJECTED";
  await record({
    httpStatus: status,
    response: providerCode ? { code: providerCode } : undefined,
    outcome: "provider_error",
    errorMessage: message,
  });
  throw new ProviderError("WECHAT", kind, message, providerCode, status);
}
