import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameSources, newNonce } from "@/lib/http/content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("content security policy", () => {
  it("lets scripts run only from this origin or with the request's nonce, never inline ones", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", dev: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("allows eval only on the dev server", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("keeps the other directives: same-origin connections and frames, no plugins, nobody frames us", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", dev: false }));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-src")).toEqual([...frameSources]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("frames Alipay's website cashier (live and developer sandbox), and lets only the sandbox cashier be framed, by us", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", dev: false }));
    expect(policy.get("frame-src")).toEqual(expect.arrayContaining(["'self'", "https://openapi.alipay.com"]));
    const cashier = directives(contentSecurityPolicy({ nonce: "n", dev: false, framedBy: "self" }));
    expect(cashier.get("frame-ancestors")).toEqual(["'self'"]);
  });

  it("makes a fresh unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
