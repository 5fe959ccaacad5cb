import { z } from "zod";
import { KeyringError, parseKeyring, type Keyring } from "@/lib/crypto/keyring";
import { compileTrustProxy } from "@/scripts/trusted-address.mjs";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), "must be a postgres:// or postgresql:// URL");

const flag = z
  .enum(["true", "false", "1", "0"], "must be true or false")
  .transform((value) => value === "true" || value === "1")
  .optional();

const keyring = optionalString.transform((value, ctx): Keyring | undefined => {
  if (!value) return undefined;
  try {
    return parseKeyring(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error instanceof KeyringError ? error.message : "is invalid" });
    return z.NEVER;
  }
});

const settingsSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl.optional().or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().trim().min(1).default(".data"),
    NEXTAUTH_SECRET: optionalString.pipe(
      z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    ),
    NEXTAUTH_URL: optionalString.pipe(z.url("must be an absolute URL such as http://localhost:3000").optional()),
    ADMIN_EMAIL: optionalString.pipe(z.email("must be an email address").optional()),
    ADMIN_PASSWORD: optionalString,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    APP_URL: optionalString.pipe(z.url("must be an absolute URL such as http://192.168.1.20:3000").optional()),
    APP_ENCRYPTION_KEY: keyring,
    SANDBOX_ENABLED: flag,
    SANDBOX_TIME_SCALE: z.coerce.number().positive().max(100_000).default(1),
    ORDER_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** Sign-ups one client address may make per hour. */
    SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Bearer token for GET /api/metrics; unset, the route answers 404. */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    /** Raw notifies and provider-call records older than this are deleted (orders, ledger, bills, audit stay). */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
    /** On SIGTERM: how long /api/ready answers 503 while requests and jobs finish, before the database closes. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(2_000),
    /** Calls one API key may make per minute on one instance. */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6_000),
    /** Divides the webhook retry schedule (tests run three days of retries in seconds). */
    WEBHOOK_TIME_SCALE: z.coerce.number().positive().max(10_000_000).default(1),
    /** Proxies in front of the app: a hop count or addresses (scripts/trusted-address.mjs). */
    TRUST_PROXY: optionalString.refine((value) => {
      try {
        compileTrustProxy(value);
        return true;
      } catch {
        return false;
      }
    }, "must be a number of proxies (e.g. 1) or proxy addresses/ranges, comma-separated (e.g. 10.0.0.0/8,loopback)"),
    /** Outgoing mail server, e.g. smtps://user:password@smtp.example.com:465. Unset: the dev outbox. */
    SMTP_URL: optionalString.pipe(
      z
        .url("must be an smtp:// or smtps:// URL")
        .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    MAIL_FROM: optionalString.pipe(z.string().max(254).optional()),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: [env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"],
        message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
      });
    }
    // A shared PostgreSQL in production means several instances: they must agree on the
    // session secret, so it cannot be generated locally by each one.
    if (isSharedProduction(env)) {
      for (const name of ["NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY"] as const) {
        if (!env[name]) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: "is required in production with DATABASE_URL (try: openssl rand -base64 32)",
          });
        }
      }
    }
  });

function isSharedProduction(env: { NODE_ENV: string; DATABASE_URL?: string }): boolean {
  return env.NODE_ENV === "production" && Boolean(env.DATABASE_URL);
}

export const envSchema = settingsSchema.transform((env) => {
  // Where people and providers reach this app: notify URLs and the sandbox's QR pages use it.
  const appUrl = (env.APP_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return {
    ...env,
    APP_URL: appUrl,
    MAIL_FROM: env.MAIL_FROM ?? `no-reply@${new URL(appUrl).hostname}`,
    // The sandbox gateway is on for trying the app (embedded database, development, tests) and
    // off for a production deployment on PostgreSQL unless asked for.
    SANDBOX_ENABLED: env.SANDBOX_ENABLED ?? !isSharedProduction(env),
  };
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid settings:\n${issues.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "(settings)"}: ${issue.message}`));
}

let cached: Env | undefined;

/** The validated settings of this process; throws EnvError with every problem listed. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
