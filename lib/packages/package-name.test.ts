import { describe, expect, it } from "vitest";
import { packageNameFor } from "@/lib/packages/package-name";

describe("packageNameFor", () => {
  it("gives each language its own name, never both", () => {
    expect(packageNameFor("zh", "入门包", "Starter")).toBe("入门包");
    expect(packageNameFor("en", "入门包", "Starter")).toBe("Starter");
  });

  it("falls back to the Chinese name when the package has no English one", () => {
    expect(packageNameFor("en", "入门包", null)).toBe("入门包");
    expect(packageNameFor("en", "入门包", "")).toBe("入门包");
    expect(packageNameFor("en", "入门包", undefined)).toBe("入门包");
  });
});
