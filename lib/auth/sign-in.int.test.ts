import { afterEach, describe, expect, it, vi } from "vitest";
import { perAccount, perClient, signInWithPassword } from "@/lib/auth/sign-in";
import { delaySeconds } from "@/lib/auth/sign-in-throttle";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";

function attempt(email: string, password: string, clientAddress = "10.0.0.1") {
  return signInWithPassword({ credentials: { email, password }, clientAddress, userAgent: "vitest" }).catch(
    (caught: unknown) => caught,
  );
}

describe("sign-in", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("accepts the right password and says nothing about which part was wrong", async () => {
    const user = await createUser({ email: "cat@example.com", password: "meow1234" });
    expect(await attempt("CAT@example.com", "meow1234")).toEqual({
      id: user.id,
      email: "cat@example.com",
      name: null,
      role: "USER",
      sessionVersion: 0,
    });
    expect(await attempt("cat@example.com", "woof1234")).toBeNull();
    expect(await attempt("nobody@example.com", "meow1234")).toBeNull();
    expect(await signInWithPassword({ credentials: { email: 42 }, clientAddress: "10.0.0.1" })).toBeNull();
  });

  it("never counts successes: the 31st and 40th correct sign-ins from one address succeed", async () => {
    const users = await Promise.all(
      [0, 1, 2, 3].map((index) => createUser({ email: `office${index}@example.com`, password: "office1234" })),
    );
    for (let round = 0; round < 40; round++) {
      const user = users[round % users.length]!;
      expect(await attempt(user.email, "office1234", "203.0.113.7"), `sign-in ${round + 1}`).toMatchObject({
        id: user.id,
      });
    }
  });

  it("slows an account's guesser down with growing delays, never locks the owner out, and forgets on success", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T00:00:00Z"));
    await createUser({ email: "dog@example.com", password: "woof1234" });
    for (let guess = 0; guess < perAccount.freeFailures + 1; guess++) {
      expect(await attempt("dog@example.com", "guess1234", `10.1.0.${guess}`)).toBeNull();
    }
    // From any address, even with the right password, the account waits out its delay first.
    const waiting = await attempt("dog@example.com", "woof1234", "10.2.0.1");
    expect(waiting).toBeInstanceOf(AppError);
    expect(waiting).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: 1 } });

    vi.setSystemTime(new Date("2026-06-01T00:00:01Z"));
    expect(await attempt("dog@example.com", "guess1234", "10.1.0.9")).toBeNull();
    expect(await attempt("dog@example.com", "woof1234", "10.2.0.1")).toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterSeconds: 2 },
    });

    vi.setSystemTime(new Date("2026-06-01T00:00:03Z"));
    expect(await attempt("dog@example.com", "woof1234", "10.2.0.1")).toMatchObject({ email: "dog@example.com" });
    // The success cleared the account's count: the next mistake is free again.
    expect(await attempt("dog@example.com", "guess1234", "10.2.0.1")).toBeNull();
    expect(await attempt("dog@example.com", "woof1234", "10.2.0.1")).toMatchObject({ email: "dog@example.com" });
  });

  it("caps the delay, so the owner waits minutes at most however long the guessing goes on", () => {
    expect([1, 5, 6, 7, 8, 12].map((failures) => delaySeconds(perAccount, failures))).toEqual([0, 0, 1, 2, 4, 64]);
    expect(delaySeconds(perAccount, 1_000)).toBe(perAccount.maxDelaySeconds);
  });

  it("slows one client guessing across many accounts, and only that client", async () => {
    const results: unknown[] = [];
    for (let guess = 0; guess <= perClient.freeFailures + 1; guess++) {
      results.push(await attempt(`user${guess}@example.com`, "x", "10.9.9.9"));
    }
    expect(results.slice(0, perClient.freeFailures + 1).every((result) => result === null)).toBe(true);
    expect(results.at(-1)).toMatchObject({ code: "RATE_LIMITED" });
    expect(await attempt("user99@example.com", "x", "10.9.9.10")).toBeNull();
  });

  it("records admin sign-ins in the audit log with the address and user agent", async () => {
    const admin = await createUser({ email: "root@example.com", password: "root1234", role: "ADMIN" });
    await createUser({ email: "plain@example.com", password: "plain1234" });
    await attempt("root@example.com", "root1234", "198.51.100.4");
    await attempt("plain@example.com", "plain1234", "198.51.100.4");
    await attempt("root@example.com", "wrong1234", "198.51.100.4");
    const entries = await (await getPrisma()).auditLog.findMany({ where: { action: "admin.sign_in" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      target: admin.id,
      after: null,
      actorAddress: "198.51.100.4",
      actorUserAgent: "vitest",
    });
  });
});
