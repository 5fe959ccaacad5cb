import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface LimitRule {
  /** Prefix that keeps this rule's counters apart from other rules'. */
  name: string;
  points: number;
  durationSeconds: number;
}

const limiters = new Map<string, Promise<RateLimiterPrisma>>();

// Counters live in the database so every app instance enforces the same limit.
function limiterFor(rule: LimitRule): Promise<RateLimiterPrisma> {
  let limiter = limiters.get(rule.name);
  if (!limiter) {
    limiter = getPrisma().then(
      (prisma) =>
        new RateLimiterPrisma({
          storeClient: prisma,
          tableName: "rateLimit",
          keyPrefix: rule.name,
          points: rule.points,
          duration: rule.durationSeconds,
        }),
    );
    limiters.set(rule.name, limiter);
  }
  return limiter;
}

/** Counts one attempt against `key`; throws RATE_LIMITED once the rule's budget is spent. */
export async function consume(rule: LimitRule, key: string): Promise<void> {
  const limiter = await limiterFor(rule);
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", "rate_limited", {
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      });
    }
    throw rejection;
  }
}

export async function reset(rule: LimitRule, key: string): Promise<void> {
  await (await limiterFor(rule)).delete(key);
}
