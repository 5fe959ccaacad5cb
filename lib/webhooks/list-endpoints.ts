import { getPrisma } from "@/lib/db";
import { webhookEndpointView, type WebhookEndpointView } from "@/lib/webhooks/endpoint-view";

export async function listEndpoints(): Promise<WebhookEndpointView[]> {
  const prisma = await getPrisma();
  const endpoints = await prisma.webhookEndpoint.findMany({ orderBy: { createdAt: "desc" } });
  return endpoints.map(webhookEndpointView);
}
