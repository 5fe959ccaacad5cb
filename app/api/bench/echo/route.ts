/**
 * The benchmark's baseline: the cheapest POST route handler this server can serve, so
 * `npm run bench` can tell framework and loopback cost apart from the notify path's own work.
 * It exists only while BENCH_ENABLED=true (the bench harness sets it); otherwise it is a 404,
 * like any unknown route.
 */

// Read per request rather than through lib/env: this route must not change the app's settings.
function enabled(): boolean {
  return process.env.BENCH_ENABLED === "true";
}

export async function POST(request: Request): Promise<Response> {
  if (!enabled()) return new Response("not found", { status: 404 });
  // Read the body as a notify handler does, so the baseline pays for the same bytes.
  const body = await request.text();
  return new Response(`ok ${body.length}`, { status: 200, headers: { "content-type": "text/plain" } });
}
