import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import type { EndpointInput } from "@/lib/webhooks/endpoint-input";
import { newEndpointSecret, sealEndpointSecret } from "@/lib/webhooks/endpoint-secret";
import { webhookEndpointView, type WebhookEndpointView } from "@/lib/webhooks/endpoint-view";

export interface CreateEndpointOptions {
  input: EndpointInput;
  actorId: string;
}

export interface CreatedEndpoint {
  endpoint: WebhookEndpointView;
  /** The signing secret: returned this once; afterwards only the sealed copy exists. */
  secret: string;
}

export async function createEndpoint({ input, actorId }: CreateEndpointOptions): Promise<CreatedEndpoint> {
  const id = `we_${randomBytes(12).toString("base64url")}`;
  const secret = newEndpointSecret();
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        id,
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        sealedSecret: sealEndpointSecret(id, secret),
      },
    });
    const view = webhookEndpointView(endpoint);
    await recordAudit(tx, { actorId, action: "webhook_endpoint.create", target: id, after: view });
    return { endpoint: view, secret };
  });
}
