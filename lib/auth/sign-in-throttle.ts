import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface ThrottleRule {
  /** Keeps this rule's rows apart from other rules'. */
  name: string;
  /** Failures that cost nothing. */
  freeFailures: number;
  /** The longest wait, however many failures: a delay, never a lock-out. */
  maxDelaySeconds: number;
  /** Quiet time after which the failures are forgotten. */
  forgetAfterSeconds: number;
}

/**
 * Seconds to wait after `failures` failures: none within the allowance, then 1, 2, 4, … up
 * to the rule's cap.
 */
export function delaySeconds(rule: ThrottleRule, failures: number): number {
  const beyond = failures - rule.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(rule.maxDelaySeconds, 2 ** Math.min(beyond - 1, 30));
}

function rowKey(rule: ThrottleRule, key: string): string {
  return `${rule.name}:${key}`;
}

/** Throws RATE_LIMITED while `key` must still wait after its last failure. */
export async function assertNotThrottled(rule: ThrottleRule, key: string, now = new Date()): Promise<void> {
  const prisma = await getPrisma();
  const row = await prisma.signInThrottle.findUnique({ where: { key: rowKey(rule, key) } });
  if (!row) return;
  const sinceLast = (now.getTime() - row.lastFailureAt.getTime()) / 1000;
  if (sinceLast >= rule.forgetAfterSeconds) return;
  const wait = delaySeconds(rule, row.failures) - sinceLast;
  if (wait > 0) throw new AppError("RATE_LIMITED", "rate_limited", { retryAfterSeconds: Math.ceil(wait) });
}

/** Counts one failure for `key`, in one statement so concurrent failures all count. */
export async function recordFailure(rule: ThrottleRule, key: string, now = new Date()): Promise<void> {
  const prisma = await getPrisma();
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000);
  await prisma.$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt") VALUES (${rowKey(rule, key)}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${forgetBefore} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "lastFailureAt" = ${now}`;
}

export async function clearFailures(rule: ThrottleRule, key: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.signInThrottle.deleteMany({ where: { key: rowKey(rule, key) } });
}
