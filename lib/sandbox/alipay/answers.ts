import { responseKey, signAlipayResponse } from "@/lib/payments/alipay";
import type { GatewayError } from "@/lib/sandbox/alipay/gateway-error";

/**
 * What the gateway sends back. API answers are HTTP 200 with a JSON body — Alipay labels it
 * text/html;charset=<request charset> — whatever the code inside says; page methods (wap.pay)
 * redirect the browser or show an error page.
 */

const jsonHeaders = { "content-type": "text/html;charset=utf-8", "cache-control": "no-store" };

/** Alipay answers a request it cannot attribute to a method under this key. */
export const ERROR_METHOD = "error";

/** Signed with the provider key when the merchant is known; unsigned otherwise (Alipay has no key to sign with). */
export function jsonAnswer(method: string, payload: Record<string, unknown>, providerPrivateKeyPem: string | null) {
  const body = providerPrivateKeyPem
    ? signAlipayResponse(method, payload, providerPrivateKeyPem)
    : JSON.stringify({ [responseKey(method)]: payload });
  return new Response(body, { status: 200, headers: jsonHeaders });
}

export function redirectAnswer(location: string): Response {
  return new Response(null, { status: 302, headers: { location, "cache-control": "no-store" } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The "调试错误" page Alipay shows a browser whose page request it refused. */
export function errorPage(error: GatewayError): Response {
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>支付宝 - 网上支付 安全快速！</title></head>
<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1 style="font-size:1.1rem">调试错误，请回到请求来源地，重新发起请求。</h1>
<p>错误代码 <code>${escapeHtml(error.subCode)}</code></p>
<p>错误原因: ${escapeHtml(error.subMsg)}</p>
</body></html>`;
  return new Response(html, {
    status: 200,
    headers: { "content-type": "text/html;charset=utf-8", "cache-control": "no-store" },
  });
}
