import { apiKeyInputSchema } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";

type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiCallOptions<Params> {
  key?: string;
  body?: unknown;
  params?: Params;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Calls an /api/v1 route handler the way Next.js would, with a Bearer key. */
export async function callApi<T = Record<string, unknown>, Params = Record<string, string>>(
  handler: Handler<Params>,
  method: string,
  path: string,
  options: ApiCallOptions<Params> = {},
): Promise<ApiAnswer<T>> {
  const url = new URL(`http://127.0.0.1/api/v1${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
    { params: Promise.resolve(options.params ?? ({} as Params)) },
  );
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

/** A new API key with these scopes, as an admin would create it. */
export async function testApiKey(actorId: string, scopes: ApiScope[], name = "test key"): Promise<string> {
  const created = await createApiKey({ input: apiKeyInputSchema.parse({ name, scopes }), actorId });
  return created.secret;
}
