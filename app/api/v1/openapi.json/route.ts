import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { env } from "@/lib/env";

export const GET = () =>
  NextResponse.json(openApiDocument(env().APP_URL), { headers: { "cache-control": "public, max-age=300" } });
