import { describe, expect, it } from "vitest";
import { handle } from "@/lib/http/respond";
import { isSameOriginRequest } from "@/lib/http/same-origin";

function request(method: string, headers: Record<string, string>) {
  return new Request("http://localhost:3000/api/orders", { method, headers: { host: "localhost:3000", ...headers } });
}

describe("same-origin check on state-changing requests", () => {
  it("accepts our own pages, safe methods, and clients that are not browsers", () => {
    expect(isSameOriginRequest(request("POST", { origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request("GET", { origin: "https://evil.example" }))).toBe(true);
    expect(isSameOriginRequest(request("POST", {}))).toBe(true);
  });

  it("refuses another site's forms and scripts", () => {
    expect(isSameOriginRequest(request("POST", { origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(request("DELETE", { origin: "http://localhost:3000.evil.example" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { origin: "null" }))).toBe(false);
  });

  it("answers 403 before the handler runs", async () => {
    let ran = false;
    const route = handle(async (_request: Request) => {
      ran = true;
      return new Response("ok");
    });
    const response = await route(request("POST", { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(ran).toBe(false);
  });
});
