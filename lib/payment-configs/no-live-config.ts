import { Prisma } from "@prisma/client";
import { pointsAtAppSandbox, type SandboxFacts } from "@/lib/payment-configs/is-sandbox";

// Unflagged configs whose gateway is this app's own sandbox: SQL cannot apply
// `pointsAtAppSandbox`'s URL rules, so the guard is told which URLs passed them. Bounded: past
// the cap it starts over and learns again.
const appSandboxUrls = new Set<string>();
const maxLearnedUrls = 64;
let learnings = 0;

/** Remembers the unflagged configs among `configs` that point at this app's sandbox. */
export function learnSandboxUrls(configs: SandboxFacts[]): void {
  for (const config of configs) {
    if (config.sandbox || appSandboxUrls.has(config.gatewayUrl) || !pointsAtAppSandbox(config.gatewayUrl)) continue;
    if (appSandboxUrls.size >= maxLearnedUrls) appSandboxUrls.clear();
    appSandboxUrls.add(config.gatewayUrl);
    learnings += 1;
  }
}

/** Moves whenever the guard learns a URL: a settlement it refused is worth retrying only then. */
export function sandboxUrlLearnings(): number {
  return learnings;
}

/**
 * A SQL condition, true only when no enabled config takes real money, read in the statement's
 * own snapshot: a settlement that carries it cannot credit a sandbox payment after going live,
 * with no read before it to race. An unflagged sandbox config not learned yet counts as live,
 * so the condition may be false when it need not be (the caller then reads fresh, which learns
 * it), never true when it must not be.
 */
export function noLiveConfigSql(): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "PaymentConfig" AS other
    WHERE other.enabled AND other."deletedAt" IS NULL AND NOT other.sandbox
      AND other."gatewayUrl" NOT IN (SELECT jsonb_array_elements_text(${JSON.stringify([...appSandboxUrls])}::jsonb))
  )`;
}
