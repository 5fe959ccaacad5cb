import { Webhook } from "standardwebhooks";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { openEndpointSecret } from "@/lib/webhooks/endpoint-secret";
import { failingDisablesAfterMs, nextRetryDelayMs } from "@/lib/webhooks/retry-schedule";
import { sendWebhook, type WebhookAnswer } from "@/lib/webhooks/send-webhook";

export interface DeliverDueWebhooksOptions {
  /** Divides the retry schedule and the failing-for-3-days rule (tests). */
  timeScale?: number;
  /** At most this many deliveries per run. */
  limit?: number;
  timeoutMs?: number;
  allowPrivate?: boolean;
}

interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  attempts: number;
}

/** Longer than the send timeout, so a live sender's claim never runs out under it. */
const leaseMs = 60_000;

/**
 * Claims due deliveries and sends them. A claim takes the row with FOR UPDATE SKIP LOCKED and
 * moves its attempt counter and lease in the same statement, so two instances never claim the
 * same attempt; a sender that dies mid-send leaves a lease that runs out, and the next claim
 * is a new attempt number. Every outcome is written only if the claim is still ours.
 */
export async function deliverDueWebhooks(options: DeliverDueWebhooksOptions = {}): Promise<number> {
  const settings = env();
  const timeScale = options.timeScale ?? settings.WEBHOOK_TIME_SCALE;
  const prisma = await getPrisma();
  const claimed = await prisma.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" AS d
    SET attempts = d.attempts + 1, "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}), "updatedAt" = now()
    WHERE d.id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
      ORDER BY "nextAttemptAt"
      LIMIT ${options.limit ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d."endpointId", d."eventId", d.attempts`;
  await Promise.all(
    claimed.map((delivery) =>
      deliverOne(delivery, {
        timeScale,
        timeoutMs: options.timeoutMs ?? 15_000,
        allowPrivate: options.allowPrivate ?? settings.SANDBOX_ENABLED,
      }).catch((error: unknown) => logger.error("webhook delivery failed", { delivery: delivery.id, error })),
    ),
  );
  return claimed.length;
}

async function deliverOne(
  delivery: ClaimedDelivery,
  options: { timeScale: number; timeoutMs: number; allowPrivate: boolean },
): Promise<void> {
  const prisma = await getPrisma();
  const [endpoint, event] = await Promise.all([
    prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: delivery.endpointId } }),
    prisma.event.findUnique({ where: { id: delivery.eventId } }),
  ]);
  const mine = { id: delivery.id, attempts: delivery.attempts };
  if (!endpoint.enabled || !event) {
    await prisma.webhookDelivery.updateMany({ where: mine, data: { status: "CANCELLED", leaseUntil: null } });
    return;
  }
  const body = JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: event.data,
  });
  const sentAt = new Date();
  const signature = new Webhook(openEndpointSecret(endpoint.id, endpoint.sealedSecret)).sign(event.id, sentAt, body);
  const answer = await sendWebhook({
    url: endpoint.url,
    body,
    timeoutMs: options.timeoutMs,
    allowPrivate: options.allowPrivate,
    headers: {
      "content-type": "application/json",
      "user-agent": "recharge-app-webhooks/1",
      "webhook-id": event.id,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signature,
    },
  });
  await recordOutcome(delivery, answer, options.timeScale);
}

async function recordOutcome(delivery: ClaimedDelivery, answer: WebhookAnswer, timeScale: number): Promise<void> {
  const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
  const gone = answer.status === 410;
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const retryIn = ok || gone ? null : nextRetryDelayMs(delivery.attempts, timeScale);
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts },
      data: {
        status: ok ? "SUCCEEDED" : retryIn === null ? "FAILED" : "PENDING",
        leaseUntil: null,
        ...(retryIn !== null ? { nextAttemptAt: new Date(now.getTime() + retryIn) } : {}),
      },
    });
    // A resend claimed it again meanwhile: its attempt is logged under the number it claimed.
    if (updated.count === 0) return;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: delivery.attempts,
        httpStatus: answer.status,
        ok,
        latencyMs: answer.latencyMs,
        responseExcerpt: answer.excerpt,
        error: answer.error,
      },
    });
    const { endpointId } = delivery;
    if (ok) {
      await tx.webhookEndpoint.updateMany({
        where: { id: endpointId, NOT: { failingSince: null } },
        data: { failingSince: null },
      });
      return;
    }
    await tx.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: now } });
    const failingSince = new Date(now.getTime() - failingDisablesAfterMs / timeScale);
    const disabled = await tx.webhookEndpoint.updateMany({
      where: gone
        ? { id: endpointId, enabled: true }
        : { id: endpointId, enabled: true, failingSince: { lte: failingSince } },
      data: { enabled: false, disabledReason: gone ? "gone" : "failing", disabledAt: now },
    });
    if (disabled.count) {
      await tx.webhookDelivery.updateMany({ where: { endpointId, status: "PENDING" }, data: { status: "CANCELLED" } });
      logger.warn("webhook endpoint disabled", { endpoint: endpointId, reason: gone ? "gone" : "failing" });
    }
  });
}
