import type { PaymentConfig, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";
import { makeOnlyDefault } from "@/lib/payment-configs/create-payment-config";

/**
 * Inside the caller's transaction, when `config` (locked) stops taking orders: if it is its
 * provider's default, the named successor takes over. Leaving the provider without a default
 * while another enabled config could serve would hide it from checkout, so that needs a
 * choice (CONFLICT until one is made); with no other enabled config the provider goes away.
 * Returns the new default's id, or null when nothing took over.
 */
export async function handOverDefault(
  tx: Prisma.TransactionClient,
  config: PaymentConfig,
  successorId: string | undefined,
): Promise<string | null> {
  if (!config.isDefault) return null;
  const candidates = await tx.paymentConfig.findMany({
    where: { provider: config.provider, enabled: true, deletedAt: null, id: { not: config.id } },
    select: { id: true, provider: true },
  });
  if (successorId === undefined) {
    if (candidates.length) throw new AppError("CONFLICT", "default_successor_required");
    return null;
  }
  const successor = candidates.find((candidate) => candidate.id === successorId);
  if (!successor)
    throw new AppError("VALIDATION", "invalid_payment_config", { fields: { successorId: "invalid_successor" } });
  await tx.paymentConfig.update({ where: { id: successor.id }, data: { isDefault: true } });
  await makeOnlyDefault(tx, successor);
  return successor.id;
}
