/** What a form learns from one JSON POST: success, or the error code and per-field codes. */
export type PostResult = { ok: true } | { ok: false; code: string; fields: Record<string, string> };

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

export async function postJson(url: string, body: unknown): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: "network", fields: {} };
  }
  if (response.ok) return { ok: true };
  const error = ((await response.json().catch(() => ({}))) as ErrorBody).error;
  const code = error?.code === "RATE_LIMITED" ? "rate_limited" : (error?.message ?? "unknown");
  return { ok: false, code, fields: error?.fields ?? {} };
}
