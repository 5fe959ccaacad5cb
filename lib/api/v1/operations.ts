import type { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/scopes";
import * as s from "@/lib/api/v1/schemas";

export interface ApiOperation {
  method: "get" | "post" | "patch";
  /** OpenAPI path under /api/v1, e.g. `/users/{id}`. */
  path: string;
  scope: ApiScope;
  summary: string;
  description?: string;
  params?: { path?: z.ZodObject; query?: z.ZodType; header?: z.ZodObject };
  body?: z.ZodType;
  success: { status: 200 | 201; description: string; schema: z.ZodType };
  /** Error statuses this operation can answer, with what they mean, beyond 401/403/429. */
  errors: Partial<Record<400 | 402 | 404 | 409, string>>;
}

const invalid = "Invalid request (`invalid_input`, with `fields`).";

/** Every /api/v1 operation: the route handlers and the OpenAPI document both read this table. */
export const operations = {
  getUser: {
    method: "get",
    path: "/users/{id}",
    scope: "credits:read",
    summary: "Get a user",
    params: { path: s.userIdPath },
    success: { status: 200, description: "The user.", schema: s.user },
    errors: { 404: "`user_not_found`." },
  },
  findUser: {
    method: "get",
    path: "/users",
    scope: "credits:read",
    summary: "Find a user by email or externalId",
    params: { query: s.userLookupQuery },
    success: { status: 200, description: "The user.", schema: s.user },
    errors: { 400: invalid, 404: "`user_not_found`." },
  },
  setExternalId: {
    method: "patch",
    path: "/users/{id}",
    scope: "credits:spend",
    summary: "Set a user's externalId",
    description: "Maps the user to your app's own id, so you can find them with `GET /users?externalId=`.",
    params: { path: s.userIdPath },
    body: s.externalIdBody,
    success: { status: 200, description: "The user.", schema: s.user },
    errors: { 400: invalid, 404: "`user_not_found`.", 409: "`external_id_taken`." },
  },
  getBalance: {
    method: "get",
    path: "/users/{id}/balance",
    scope: "credits:read",
    summary: "Get a user's balance",
    params: { path: s.userIdPath },
    success: { status: 200, description: "The balance.", schema: s.balance },
    errors: { 404: "`user_not_found`." },
  },
  debit: {
    method: "post",
    path: "/users/{id}/debits",
    scope: "credits:spend",
    summary: "Debit credits",
    description:
      "Spends credits now, drawing lots in the wallet's order (priority, soonest expiry, promotional before paid, oldest). Nothing changes when the available credits do not cover it.",
    params: { path: s.userIdPath, header: s.idempotencyHeader },
    body: s.debitBody,
    success: { status: 201, description: "The entry, the lots drawn and the new balance.", schema: s.debitResult },
    errors: {
      400: invalid,
      402: "`insufficient_credits`, with `available`; nothing changed.",
      404: "`user_not_found`.",
      409: "`idempotency_key_reused`.",
    },
  },
  grant: {
    method: "post",
    path: "/users/{id}/grants",
    scope: "credits:grant",
    summary: "Grant credits",
    params: { path: s.userIdPath, header: s.idempotencyHeader },
    body: s.grantBody,
    success: { status: 201, description: "The entry, the new lot and the new balance.", schema: s.grantResult },
    errors: { 400: invalid, 404: "`user_not_found`.", 409: "`idempotency_key_reused`." },
  },
  createHold: {
    method: "post",
    path: "/users/{id}/holds",
    scope: "credits:spend",
    summary: "Reserve credits (hold)",
    description:
      "Reserves credits for work that has not finished: they stop being available until the hold is captured or released. A hold not resolved by `expiresAt` is released, never charged.",
    params: { path: s.userIdPath, header: s.idempotencyHeader },
    body: s.holdBody,
    success: { status: 201, description: "The hold.", schema: s.hold },
    errors: {
      400: invalid,
      402: "`insufficient_credits`, with `available`; nothing changed.",
      404: "`user_not_found`.",
      409: "`idempotency_key_reused`.",
    },
  },
  getHold: {
    method: "get",
    path: "/holds/{id}",
    scope: "credits:read",
    summary: "Get a hold",
    params: { path: s.holdIdPath },
    success: { status: 200, description: "The hold.", schema: s.hold },
    errors: { 404: "`hold_not_found`." },
  },
  captureHold: {
    method: "post",
    path: "/holds/{id}/capture",
    scope: "credits:spend",
    summary: "Capture a hold",
    description:
      "Debits up to the held amount, drawing lots now, and releases the rest. A hold resolves once: capturing it again answers `hold_not_active`.",
    params: { path: s.holdIdPath },
    body: s.captureBody,
    success: { status: 200, description: "The captured hold and its debit.", schema: s.captureResult },
    errors: {
      400: "`capture_exceeds_hold`, or an invalid request.",
      404: "`hold_not_found`.",
      409: "`hold_expired` (its credits were released) or `hold_not_active`.",
    },
  },
  releaseHold: {
    method: "post",
    path: "/holds/{id}/release",
    scope: "credits:spend",
    summary: "Release a hold",
    params: { path: s.holdIdPath },
    success: { status: 200, description: "The released hold.", schema: s.hold },
    errors: { 404: "`hold_not_found`.", 409: "`hold_expired` or `hold_not_active`." },
  },
  listEntries: {
    method: "get",
    path: "/users/{id}/entries",
    scope: "credits:read",
    summary: "List a user's ledger entries",
    description: "Newest first, cursor-paginated.",
    params: { path: s.userIdPath, query: s.entriesQuery },
    success: { status: 200, description: "A page of entries.", schema: s.entriesPage },
    errors: { 400: "`invalid_cursor`, or an invalid request.", 404: "`user_not_found`." },
  },
  listEvents: {
    method: "get",
    path: "/events",
    scope: "events:read",
    summary: "Read events",
    description:
      "Every event in the order it was committed, kept 30 days: the same events webhooks deliver. Poll with the last `nextCursor`.",
    params: { query: s.eventsQuery },
    success: { status: 200, description: "A page of events, oldest first.", schema: s.eventsPage },
    errors: { 400: "`invalid_cursor`, or an invalid request." },
  },
} satisfies Record<string, ApiOperation>;

export type OperationName = keyof typeof operations;
