import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Per key and per instance, in memory: a database counter would be one more write on one hot
// row per call (every call of a key updates the same counter), which /api/v1 cannot afford.
// With N instances behind a balancer a key gets at most N times the budget.
const slot = Symbol.for("recharge-app.api-rate-limit");
type Slot = { [slot]?: RateLimiterMemory };
const holder = globalThis as Slot;

function limiter(): RateLimiterMemory {
  holder[slot] ??= new RateLimiterMemory({
    keyPrefix: "api-key",
    points: env().API_RATE_LIMIT_PER_MINUTE,
    duration: 60,
  });
  return holder[slot];
}

/** Counts one call against the key's budget; throws RATE_LIMITED once it is spent. */
export async function consumeApiBudget(keyId: string): Promise<void> {
  try {
    await limiter().consume(keyId);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", "rate_limited", {
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      });
    }
    throw rejection;
  }
}
