import type { Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";

/**
 * Why a hold could not be resolved now, read after the conditional update matched nothing:
 * gone, timed out (its credits are released, by the expiry job if it has not run yet), or
 * already resolved.
 */
export async function unresolvableHold(tx: Prisma.TransactionClient, holdId: string): Promise<never> {
  const hold = await tx.creditHold.findUnique({ where: { id: holdId } });
  if (!hold) throw new AppError("NOT_FOUND", "hold_not_found");
  if (hold.status === "EXPIRED" || (hold.status === "ACTIVE" && hold.expiresAt <= new Date())) {
    throw new AppError("CONFLICT", "hold_expired");
  }
  throw new AppError("CONFLICT", "hold_not_active");
}
