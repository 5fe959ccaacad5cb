import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/http/safe-return-path";

const app = "https://pay.example.com";

describe("safeReturnPath", () => {
  it("keeps same-site paths, and same-origin absolute URLs as their path", () => {
    expect(safeReturnPath("/admin?tab=users", app)).toBe("/admin?tab=users");
    expect(safeReturnPath("/orders/R1#top", app)).toBe("/orders/R1#top");
    expect(safeReturnPath("https://pay.example.com/ledger?page=2", app)).toBe("/ledger?page=2");
  });

  it("turns anything that could leave the site into /", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example/phish",
      "\t//evil.example",
      "/\r\nSet-Cookie: a=b",
      "/\u0085evil",
      "https://pay.example.com.evil.example/",
      "http://pay.example.com/",
      "javascript:alert(1)",
      "data:text/html,hi",
      "",
      null,
      undefined,
    ]) {
      expect(safeReturnPath(value, app), JSON.stringify(value)).toBe("/");
    }
  });

  it("leaves percent-escapes escaped, so they name a path on this site and nothing else", () => {
    expect(safeReturnPath("/%2F%2Fevil.example", app)).toBe("/%2F%2Fevil.example");
    expect(safeReturnPath("/%09/evil.example", app)).toBe("/%09/evil.example");
    expect(new URL(safeReturnPath("/%5Cevil.example", app), app).origin).toBe(app);
  });

  it("reads APP_URL when no origin is given", () => {
    expect(safeReturnPath("/orders")).toBe("/orders");
    expect(safeReturnPath("//evil.example")).toBe("/");
  });
});
