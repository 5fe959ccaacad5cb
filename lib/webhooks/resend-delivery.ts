import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface ResendDeliveryOptions {
  deliveryId: string;
  actorId: string;
}

/**
 * Sends a delivery again now, whatever its state: it goes back to PENDING with the next
 * attempt number, so the log keeps every earlier attempt. Receivers dedupe on webhook-id.
 */
export async function resendDelivery({ deliveryId, actorId }: ResendDeliveryOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { id: true, endpoint: { select: { enabled: true } } },
    });
    if (!delivery) throw new AppError("NOT_FOUND", "webhook_delivery_not_found");
    if (!delivery.endpoint.enabled) throw new AppError("CONFLICT", "webhook_endpoint_disabled");
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "PENDING", nextAttemptAt: new Date(), leaseUntil: null },
    });
    await recordAudit(tx, { actorId, action: "webhook_delivery.resend", target: deliveryId });
  });
}
