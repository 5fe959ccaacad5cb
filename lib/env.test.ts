import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).issues;
  }
}

describe("settings", () => {
  it("has working embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("accepts a PostgreSQL URL and treats an empty one as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://app@db:5432/recharge" }).DATABASE_URL).toBe(
      "postgresql://app@db:5432/recharge",
    );
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names each invalid setting with a reason", () => {
    const issues = problems({ DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", NEXTAUTH_URL: "not a url" });
    expect(issues.some((line) => line.startsWith("DATABASE_URL:") && line.includes("postgres"))).toBe(true);
    expect(issues.some((line) => line.startsWith("LOG_LEVEL:"))).toBe(true);
    expect(issues.some((line) => line.startsWith("NEXTAUTH_URL:"))).toBe(true);
  });

  it("requires ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(problems({ ADMIN_EMAIL: "a@example.com" })).toEqual([
      "ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    ]);
    expect(problems({ ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "abc12345" })[0]).toMatch(/^ADMIN_EMAIL:/);
  });

  it("refuses a short session secret", () => {
    expect(problems({ NEXTAUTH_SECRET: "short" })[0]).toMatch(/^NEXTAUTH_SECRET: must be at least 32/);
  });

  it("requires a shared session secret for production on PostgreSQL", () => {
    const base = { NODE_ENV: "production", DATABASE_URL: "postgres://db/x" };
    expect(problems(base)[0]).toMatch(/^NEXTAUTH_SECRET: is required in production/);
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(problems({ ...base, NEXTAUTH_SECRET: "x".repeat(32), APP_ENCRYPTION_KEY: key })).toEqual([]);
    expect(problems({ NODE_ENV: "production" })).toEqual([]);
  });

  it("lists every problem in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "nope", LOG_LEVEL: "nope" })).toThrow(
      /Invalid settings:\n {2}- DATABASE_URL: .*\n {2}- LOG_LEVEL: /,
    );
  });
});

describe("payment settings", () => {
  const key = Buffer.alloc(32, 7).toString("base64");

  it("derives the public URL and turns the sandbox on outside shared production", () => {
    const env = parseEnv({ PORT: "3200" });
    expect(env.APP_URL).toBe("http://localhost:3200");
    expect(env.SANDBOX_ENABLED).toBe(true);
    expect(parseEnv({ APP_URL: "http://192.168.1.20:3000/" }).APP_URL).toBe("http://192.168.1.20:3000");
  });

  it("keeps the sandbox off in production on PostgreSQL unless SANDBOX_ENABLED=true", () => {
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/x",
      NEXTAUTH_SECRET: "x".repeat(32),
      APP_ENCRYPTION_KEY: `k1:${key}`,
    };
    expect(parseEnv(production).SANDBOX_ENABLED).toBe(false);
    expect(parseEnv({ ...production, SANDBOX_ENABLED: "true" }).SANDBOX_ENABLED).toBe(true);
    expect(problems({ ...production, SANDBOX_ENABLED: "yes" })[0]).toMatch(/^SANDBOX_ENABLED:/);
  });

  it("requires an encryption key in production on PostgreSQL and checks its shape", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/x", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(problems(production)[0]).toMatch(/^APP_ENCRYPTION_KEY: is required/);
    expect(problems({ APP_ENCRYPTION_KEY: "k1:tooshort" })[0]).toMatch(
      /^APP_ENCRYPTION_KEY: key "k1" must be 32 bytes/,
    );
    expect(parseEnv({ APP_ENCRYPTION_KEY: `k1:${key}` }).APP_ENCRYPTION_KEY?.current.id).toBe("k1");
  });

  it("reads TRUST_PROXY, the mail server and the sender", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe("1");
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, loopback" }).TRUST_PROXY).toBe("10.0.0.0/8, loopback");
    expect(problems({ TRUST_PROXY: "my-proxy" })[0]).toMatch(/^TRUST_PROXY: must be a number of proxies/);
    expect(parseEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465" }).SMTP_URL).toBe(
      "smtps://u:p@mail.example.com:465",
    );
    expect(problems({ SMTP_URL: "https://mail.example.com" })[0]).toMatch(/^SMTP_URL:/);
    expect(parseEnv({ APP_URL: "https://pay.example.com" }).MAIL_FROM).toBe("no-reply@pay.example.com");
    expect(parseEnv({ MAIL_FROM: "Credits <mail@example.com>" }).MAIL_FROM).toBe("Credits <mail@example.com>");
  });
});
