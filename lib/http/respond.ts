import { NextResponse } from "next/server";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";
import { readCapped } from "@/lib/http/read-capped";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { logger } from "@/lib/log/logger";
import { ProviderError } from "@/lib/payments/types";

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.details?.retryAfterSeconds) headers["retry-after"] = String(error.details.retryAfterSeconds);
    return NextResponse.json(
      {
        error: {
          code: error.code,
          message: error.message,
          fields: error.details?.fields,
          available: error.details?.available,
        },
      },
      { status: error.status, headers },
    );
  }
  // A provider that failed or did not answer: nothing changed on our side, the user may retry.
  if (error instanceof ProviderError) {
    logger.warn("provider call failed in a route handler", {
      provider: error.provider,
      kind: error.kind,
      error: error.message,
    });
    return errorResponse(new AppError("UNAVAILABLE", "provider_unavailable"));
  }
  // The database went away (or is still coming up): nothing was committed, the caller may retry.
  if (isDatabaseUnavailable(error)) {
    logger.warn("database unavailable in a route handler", { error });
    return errorResponse(databaseUnavailable());
  }
  logger.error("unhandled error in route handler", { error });
  return NextResponse.json({ error: { code: "INTERNAL", message: "internal_error" } }, { status: 500 });
}

/**
 * Wraps a route handler: state-changing requests from other sites are refused, and every
 * failure becomes a JSON error with the right status.
 */
export function handle<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      const [request] = args;
      if (request instanceof Request && !isSameOriginRequest(request)) {
        throw new AppError("FORBIDDEN", "cross_site_request");
      }
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads at most `maxBytes` of a body, refusing larger ones without buffering them whole. */
export async function readBody(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "body_too_large");
  const body = await readCapped(request.body, maxBytes);
  if (!body) throw new AppError("PAYLOAD_TOO_LARGE", "body_too_large");
  return body.toString("utf8");
}

/** Reads a JSON body of at most `maxBytes`. */
export async function readJson(request: Request, maxBytes = 16 * 1024): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "json_required");
  }
  const text = await readBody(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "invalid_json");
  }
}
