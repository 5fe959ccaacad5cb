import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { webhookEndpointView, type WebhookEndpointView } from "@/lib/webhooks/endpoint-view";

export interface DeliveryAttemptView {
  attempt: number;
  httpStatus: number | null;
  ok: boolean;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
  at: string;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  log: DeliveryAttemptView[];
}

export interface EndpointDeliveries {
  endpoint: WebhookEndpointView;
  deliveries: DeliveryView[];
}

export interface ListDeliveriesOptions {
  endpointId: string;
  limit?: number;
}

/** An endpoint's latest deliveries, each with every attempt made. */
export async function listDeliveries({ endpointId, limit = 50 }: ListDeliveriesOptions): Promise<EndpointDeliveries> {
  const prisma = await getPrisma();
  const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) throw new AppError("NOT_FOUND", "webhook_endpoint_not_found");
  const deliveries = await prisma.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { log: { orderBy: { attempt: "asc" } } },
  });
  return {
    endpoint: webhookEndpointView(endpoint),
    deliveries: deliveries.map((delivery) => ({
      id: delivery.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.status === "PENDING" ? delivery.nextAttemptAt.toISOString() : null,
      createdAt: delivery.createdAt.toISOString(),
      log: delivery.log.map((attempt) => ({
        attempt: attempt.attempt,
        httpStatus: attempt.httpStatus,
        ok: attempt.ok,
        latencyMs: attempt.latencyMs,
        responseExcerpt: attempt.responseExcerpt,
        error: attempt.error,
        at: attempt.createdAt.toISOString(),
      })),
    })),
  };
}
