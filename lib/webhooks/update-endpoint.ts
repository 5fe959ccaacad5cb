import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EndpointInput } from "@/lib/webhooks/endpoint-input";
import { webhookEndpointView, type WebhookEndpointView } from "@/lib/webhooks/endpoint-view";

export interface UpdateEndpointOptions {
  id: string;
  input: EndpointInput;
  actorId: string;
}

/** Edits an endpoint; enabling it again clears the reason the app disabled it. */
export async function updateEndpoint({ id, input, actorId }: UpdateEndpointOptions): Promise<WebhookEndpointView> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "webhook_endpoint_not_found");
    const reenabled = input.enabled && !before.enabled;
    const updated = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        ...(reenabled ? { disabledReason: null, disabledAt: null, failingSince: null } : {}),
      },
    });
    const after = webhookEndpointView(updated);
    await recordAudit(tx, {
      actorId,
      action: "webhook_endpoint.update",
      target: id,
      before: webhookEndpointView(before),
      after,
    });
    return after;
  });
}
