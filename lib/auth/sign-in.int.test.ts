import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";

describe("sign-in", () => {
  it("accepts the right password and says nothing about which part was wrong", async () => {
    const user = await createUser({ email: "cat@example.com", password: "meow1234" });
    expect(await signInWithPassword({ email: "CAT@example.com", password: "meow1234" }, "10.0.0.1")).toEqual({
      id: user.id,
      email: "cat@example.com",
      name: null,
      role: "USER",
    });
    expect(await signInWithPassword({ email: "cat@example.com", password: "woof1234" }, "10.0.0.1")).toBeNull();
    expect(await signInWithPassword({ email: "nobody@example.com", password: "meow1234" }, "10.0.0.1")).toBeNull();
    expect(await signInWithPassword({ email: 42 }, "10.0.0.1")).toBeNull();
  });

  it("locks an account after repeated failures, from any client", async () => {
    await createUser({ email: "dog@example.com", password: "woof1234" });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await signInWithPassword({ email: "dog@example.com", password: "guess" }, `10.1.0.${attempt}`)).toBeNull();
    }
    const blocked = await signInWithPassword({ email: "dog@example.com", password: "woof1234" }, "10.2.0.1").catch(
      (caught: unknown) => caught,
    );
    expect(blocked).toBeInstanceOf(AppError);
    expect(blocked).toMatchObject({ code: "RATE_LIMITED" });
    expect((blocked as AppError).details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("limits one client guessing across many accounts", async () => {
    const results: unknown[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      results.push(
        await signInWithPassword({ email: `user${attempt}@example.com`, password: "x" }, "10.9.9.9").catch(
          (caught: unknown) => caught,
        ),
      );
    }
    expect(results.slice(0, 30).every((result) => result === null)).toBe(true);
    expect(results[30]).toMatchObject({ code: "RATE_LIMITED" });
  });
});
