import { NextResponse } from "next/server";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";

/** Readable text for the stable codes; the code is what callers switch on. */
const descriptions: Record<string, string> = {
  invalid_api_key: "The Authorization header does not carry a valid API key (Authorization: Bearer rk_…).",
  api_key_revoked: "This API key was revoked.",
  missing_scope: "This API key does not have the scope this operation needs.",
  rate_limited: "Too many requests with this key; retry after the time in Retry-After.",
  invalid_input: "The request is not valid; see fields.",
  invalid_json: "The body is not valid JSON.",
  json_required: "Send the body as application/json.",
  body_too_large: "The body is too large.",
  idempotency_key_required: "This operation needs an Idempotency-Key header.",
  idempotency_key_reused: "This Idempotency-Key was already used with a different request.",
  idempotency_key_in_use: "A request with this Idempotency-Key is still being processed; retry shortly.",
  insufficient_credits: "The user does not have enough available credits.",
  user_not_found: "No user has this id.",
  external_id_taken: "Another user already has this externalId.",
  hold_not_found: "No hold has this id.",
  hold_expired: "The hold expired and its credits were released.",
  hold_not_active: "The hold was already captured or released.",
  capture_exceeds_hold: "A capture cannot be more than the held amount.",
  invalid_cursor: "The cursor is not one this API gave out.",
  database_unavailable:
    "The service's database is unavailable; retry after the time in Retry-After with the same Idempotency-Key.",
  not_found: "No such API route.",
};

/**
 * The /api/v1 error body: `{"error":{"code","message", …details}}`, where `code` is the stable
 * machine code (the AppError's message) and the status is the AppError's, as everywhere.
 */
export function apiErrorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const { retryAfterSeconds, ...details } = error.details ?? {};
    const headers: Record<string, string> = {};
    if (retryAfterSeconds) headers["retry-after"] = String(retryAfterSeconds);
    if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="api"';
    return NextResponse.json(
      { error: { code: error.message, message: descriptions[error.message] ?? error.message, ...details } },
      { status: error.status, headers },
    );
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn("database unavailable in an /api/v1 handler", { error });
    return apiErrorResponse(databaseUnavailable());
  }
  logger.error("unhandled error in an /api/v1 handler", { error });
  return NextResponse.json(
    { error: { code: "internal_error", message: "The server failed; retry with the same Idempotency-Key." } },
    { status: 500 },
  );
}
