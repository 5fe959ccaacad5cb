import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser, signUpSchema } from "@/lib/users/create-user";

describe("sign-up", () => {
  it("creates a USER with balance 0, a normalized email and a hashed password", async () => {
    const input = signUpSchema.parse({ email: "  Ann@Example.COM ", password: "abcd1234" });
    const user = await createUser(input);
    expect(user).toMatchObject({ email: "ann@example.com", role: "USER", balance: 0 });
    const stored = await (await getPrisma()).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a duplicate email, whatever its case, with a field error", async () => {
    await createUser(signUpSchema.parse({ email: "bob@example.com", password: "abcd1234" }));
    const error = await createUser(signUpSchema.parse({ email: "BOB@example.com", password: "efgh5678" })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", details: { fields: { email: "email_taken" } } });
    expect(await (await getPrisma()).user.count({ where: { email: "bob@example.com" } })).toBe(1);
  });

  it("rejects invalid email and weak password at the edge", () => {
    const result = signUpSchema.safeParse({ email: "nope", password: "short" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["email", "invalid_email"],
        ["password", "weak_password"],
      ]),
    );
  });
});
