import { describe, expect, it } from "vitest";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("stores an argon2id hash, never the password, salted per hash", async () => {
    const first = await hashPassword("correct horse 1");
    const second = await hashPassword("correct horse 1");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toContain("correct horse");
    expect(first).not.toBe(second);
  });

  it("verifies the right password and rejects a wrong or garbled one", async () => {
    const stored = await hashPassword("s3cret-pass");
    expect(await verifyPassword(stored, "s3cret-pass")).toBe(true);
    expect(await verifyPassword(stored, "s3cret-pasS")).toBe(false);
    expect(await verifyPassword("not-a-hash", "s3cret-pass")).toBe(false);
  });

  it("calls short, letter-only or digit-only passwords weak", () => {
    for (const weak of ["abc123", "abcdefghij", "1234567890", "a1".repeat(65)]) {
      expect(passwordSchema.safeParse(weak).success, weak).toBe(false);
    }
    expect(passwordSchema.safeParse("abcd1234").success).toBe(true);
  });
});
