import { NextResponse } from "next/server";
import { checkReady } from "@/lib/health/check-ready";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and its migrations are applied; 503 while shutting down. */
export async function GET() {
  const readiness = await checkReady();
  const body = readiness.ready ? { status: "ready" } : { status: "not_ready", reason: readiness.reason };
  return NextResponse.json(body, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
