import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { operations } from "@/lib/api/v1/operations";

describe("the OpenAPI document", () => {
  const document = openApiDocument("https://credits.example.com");

  it("is OpenAPI 3.1 with the API's server, bearer keys and the shared error shape", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://credits.example.com/api/v1" }]);
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components?.schemas?.Error).toMatchObject({ type: "object" });
  });

  it("describes every operation, each served by a route file exporting its method", () => {
    for (const operation of Object.values(operations)) {
      const described = document.paths?.[operation.path]?.[operation.method];
      expect(described, `${operation.method} ${operation.path}`).toBeDefined();
      expect(described?.security).toEqual([{ apiKey: [operation.scope] }]);
      const file = path.join("app/api/v1", operation.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      expect(readFileSync(file, "utf8")).toMatch(
        new RegExp(`export const ${operation.method.toUpperCase()} = operationRoute\\(`),
      );
    }
  });

  it("takes request shapes from the zod schemas the handlers parse with", () => {
    const debit = document.paths?.["/users/{id}/debits"]?.post;
    expect(debit?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: "header", name: "idempotency-key", required: true })]),
    );
    const body = JSON.stringify(debit?.requestBody);
    expect(body).toContain('"amount"');
    expect(body).toContain('"minimum":1');
    expect(Object.keys(debit?.responses ?? {}).sort()).toEqual([
      "201",
      "400",
      "401",
      "402",
      "403",
      "404",
      "409",
      "429",
    ]);
  });
});
