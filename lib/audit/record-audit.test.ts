import { describe, expect, it } from "vitest";
import { maskSecrets } from "@/lib/audit/record-audit";

describe("audit masking", () => {
  it("redacts every field that could hold a secret, at any depth, and keeps the rest", () => {
    const masked = maskSecrets({
      name: "Main WeChat",
      merchantId: "1900000001",
      sealedSecrets: "v1.k1.abc",
      secrets: { merchantPrivateKeyPem: "-----BEGIN PRIVATE KEY-----", apiV3Key: "0123456789abcdef0123456789abcdef" },
      list: [{ password: "hunter22", note: "ok" }],
      updatedAt: new Date("2026-01-01T00:00:00Z"),
    });
    expect(masked).toEqual({
      name: "Main WeChat",
      merchantId: "1900000001",
      sealedSecrets: "[redacted]",
      secrets: "[redacted]",
      list: [{ password: "[redacted]", note: "ok" }],
      updatedAt: "2026-01-01T00:00:00.000Z",
    });
    expect(JSON.stringify(masked)).not.toMatch(/BEGIN PRIVATE|0123456789abcdef|hunter22/);
  });
});
