import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { errorResponse, handle, readJson } from "@/lib/http/respond";
import { ProviderError } from "@/lib/payments/types";

function post(body: string, contentType = "application/json") {
  return new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": contentType } });
}

describe("reading JSON bodies", () => {
  it("parses a small JSON body", async () => {
    expect(await readJson(post('{"a":1}'))).toEqual({ a: 1 });
  });

  it("refuses oversized, malformed and non-JSON bodies with the right status", async () => {
    const cases: [Request, number][] = [
      [post(JSON.stringify({ big: "x".repeat(20_000) })), 413],
      [post("{not json"), 400],
      [post("a=1", "application/x-www-form-urlencoded"), 415],
    ];
    for (const [request, status] of cases) {
      const error = await readJson(request).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(status);
    }
  });
});

describe("error responses", () => {
  it("maps AppError to its status with code, message and field errors", async () => {
    const response = errorResponse(new AppError("CONFLICT", "email_taken", { fields: { email: "email_taken" } }));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: "CONFLICT", message: "email_taken", fields: { email: "email_taken" } },
    });
  });

  it("answers 500 without leaking the internal error", async () => {
    const route = handle(async () => {
      throw new Error("internal detail: table User, row 42");
    });
    const response = await route();
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("internal detail");
  });

  it("answers 503 provider_unavailable when a provider call fails", async () => {
    const route = handle(async () => {
      throw new ProviderError("WECHAT", "TIMEOUT", "no answer within 10000 ms");
    });
    const response = await route();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: "provider_unavailable" } });
  });

  it("sets Retry-After when rate limited", () => {
    const response = errorResponse(new AppError("RATE_LIMITED", "rate_limited", { retryAfterSeconds: 42 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
  });
});
