import { authenticateApiKey, requireScope, type ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { ApiOperation } from "@/lib/api/v1/operations";
import { recordApiCall } from "@/lib/api/v1/call-log";
import { consumeApiBudget } from "@/lib/api/v1/rate-limit";
import { apiErrorResponse } from "@/lib/api/v1/respond";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";

export interface ApiRouteOptions {
  /** The scope the operation needs. */
  scope: ApiScope;
  /** The route as the call log names it, e.g. `POST /api/v1/users/{id}/debits`. */
  name: string;
}

export type ApiHandler<Context> = (request: Request, caller: ApiCaller, context: Context) => Promise<Response>;

/**
 * Wraps an /api/v1 route handler: the key is authenticated and its scope and rate limit
 * checked, failures become the API's error body, and every call (refused ones too) goes to
 * the call log. No cookie is ever read, so cross-site requests carry no authority here.
 */
export function apiRoute<Context>(
  { scope, name }: ApiRouteOptions,
  handler: ApiHandler<Context>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    let keyId: string | null = null;
    let response: Response;
    let code: string | null = null;
    try {
      const caller = await authenticateApiKey({ authorization: request.headers.get("authorization") });
      keyId = caller.keyId;
      requireScope(caller, scope);
      await consumeApiBudget(caller.keyId);
      response = await handler(request, caller, context);
    } catch (error) {
      code =
        error instanceof AppError
          ? error.message
          : isDatabaseUnavailable(error)
            ? "database_unavailable"
            : "internal_error";
      response = apiErrorResponse(error);
    }
    recordApiCall({
      keyId,
      method: request.method,
      route: name,
      status: response.status,
      code,
      latencyMs: Math.round(performance.now() - started),
      at: new Date(),
    });
    return response;
  };
}

/** `apiRoute` for one operation of the table: its scope, and its method and path as the log name. */
export function operationRoute<Context>(
  operation: ApiOperation,
  handler: ApiHandler<Context>,
): (request: Request, context: Context) => Promise<Response> {
  return apiRoute(
    { scope: operation.scope, name: `${operation.method.toUpperCase()} /api/v1${operation.path}` },
    handler,
  );
}
