import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/http/safe-return-path";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/admin?tab=users")).toBe("/admin?tab=users");
  });

  it("turns anything that could leave the site into /", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      null,
    ]) {
      expect(safeReturnPath(value)).toBe("/");
    }
  });
});
