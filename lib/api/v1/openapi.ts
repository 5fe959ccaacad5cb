import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { operations, type ApiOperation } from "@/lib/api/v1/operations";
import { errorBody } from "@/lib/api/v1/schemas";

const json = (schema: ApiOperation["success"]["schema"]) => ({ "application/json": { schema } });

const common = {
  "401": { description: "`invalid_api_key` or `api_key_revoked`.", content: json(errorBody) },
  "403": { description: "`missing_scope`: the key lacks the scope this operation needs.", content: json(errorBody) },
  "429": { description: "`rate_limited`; see Retry-After.", content: json(errorBody) },
};

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers parse with. */
export function openApiDocument(serverUrl: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const [name, operation] of Object.entries(operations) as [string, ApiOperation][]) {
    const errors = Object.fromEntries(
      Object.entries(operation.errors).map(([status, description]) => [
        status,
        { description, content: json(errorBody) },
      ]),
    );
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: {
        operationId: name,
        summary: operation.summary,
        description: operation.description,
        tags: [
          operation.path.startsWith("/events")
            ? "Events"
            : operation.path.startsWith("/holds") || operation.path.endsWith("/holds")
              ? "Holds"
              : "Credits",
        ],
        security: [{ apiKey: [operation.scope] }],
        "x-scope": operation.scope,
        requestParams: operation.params,
        requestBody: operation.body ? { required: true, content: json(operation.body) } : undefined,
        responses: {
          [String(operation.success.status)]: {
            description: operation.success.description,
            content: json(operation.success.schema),
          },
          ...errors,
          ...common,
        },
      },
    };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Credits API",
      version: "1",
      description:
        'Read and spend users\' credits from your own app. Authenticate with `Authorization: Bearer rk_…` (an API key an admin creates); each operation names the scope it needs. Errors are `{"error":{"code","message"}}` with stable codes. Webhooks are signed in the Standard Webhooks format.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key: `rk_live_…` or `rk_test_…`." },
      },
    },
    paths,
  });
}
