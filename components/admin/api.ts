/** The console's calls to /api/admin/**: JSON in, JSON out, errors with their field messages. */

export class AdminApiError extends Error {
  constructor(
    /** 0 when the server never answered. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

export async function adminApi<T>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: "application/json", ...(method === "GET" ? {} : { "content-type": "application/json" }) },
      // Every change sends a JSON body (even {}), which a cross-site form cannot forge.
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
      cache: "no-store",
    });
  } catch {
    throw new AdminApiError(0, "NETWORK", "network");
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => ({}))) as ErrorBody).error;
    throw new AdminApiError(
      response.status,
      error?.code ?? "UNKNOWN",
      error?.message ?? "unknown",
      error?.fields ?? {},
    );
  }
  return (await response.json()) as T;
}
