import { encodeForm, parseForm, type FormParse } from "./form";

/**
 * The OpenAPI 2.0 gateway request: common params plus a JSON `biz_content`, all signed together.
 * Like Alipay's own SDKs, a POST carries the common params in the URL query and biz_content in
 * the form body; a page redirect (wap.pay) carries everything in the query of a GET.
 */

export interface GatewayRequestSpec {
  appId: string;
  method: string;
  bizContent: Readonly<Record<string, unknown>>;
  /** Already in Alipay's format (Beijing time). */
  timestamp: string;
  notifyUrl?: string;
  returnUrl?: string;
}

// The params alipay-sdk and the Java SDK put in the URL rather than the body.
const QUERY_PARAMS = new Set([
  "app_id",
  "method",
  "format",
  "charset",
  "sign_type",
  "sign",
  "timestamp",
  "version",
  "notify_url",
  "return_url",
  "app_auth_token",
]);

/** The unsigned params of one request. */
export function buildRequestParams(spec: GatewayRequestSpec): Record<string, string> {
  return {
    app_id: spec.appId,
    method: spec.method,
    format: "JSON",
    charset: "utf-8",
    version: "1.0",
    timestamp: spec.timestamp,
    ...(spec.notifyUrl ? { notify_url: spec.notifyUrl } : {}),
    ...(spec.returnUrl ? { return_url: spec.returnUrl } : {}),
    biz_content: JSON.stringify(spec.bizContent),
  };
}

/** Where each signed param travels in a POST: the encoded URL query and the encoded form body. */
export function splitForPost(params: Readonly<Record<string, string>>): { query: string; body: string } {
  const query: Record<string, string> = {};
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (QUERY_PARAMS.has(name)) query[name] = value;
    else body[name] = value;
  }
  return { query: encodeForm(query), body: encodeForm(body) };
}

/** A GET URL to the gateway carrying every signed param (for page redirects). */
export function buildPageUrl(gatewayUrl: string, params: Readonly<Record<string, string>>): string {
  return `${gatewayUrl}?${encodeForm(params)}`;
}

/**
 * Gateway side: the params of a request as Alipay reads them, from the URL query and the form
 * body together. A name given twice (in one part or across both) is refused, never merged.
 */
export function readGatewayRequest(search: string, body: string): FormParse {
  const fromQuery = parseForm(search.startsWith("?") ? search.slice(1) : search);
  if (!fromQuery.ok) return { ok: false, detail: `query: ${fromQuery.detail}` };
  const fromBody = parseForm(body);
  if (!fromBody.ok) return { ok: false, detail: `body: ${fromBody.detail}` };
  for (const name of Object.keys(fromBody.params)) {
    if (Object.hasOwn(fromQuery.params, name)) {
      return { ok: false, detail: `field ${JSON.stringify(name)} in both query and body` };
    }
  }
  return { ok: true, params: { ...fromQuery.params, ...fromBody.params } };
}
