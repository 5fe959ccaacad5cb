import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const dynamic = "force-dynamic";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Prometheus metrics, for a scraper holding METRICS_TOKEN (`Authorization: Bearer …`); absent without it. */
export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("not found", { status: 404, headers: { "content-type": "text/plain" } });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameToken(given, token)) {
    return new Response("unauthorized", {
      status: 401,
      headers: { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
