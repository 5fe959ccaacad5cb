import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { voidLot } from "@/lib/wallet/void-lot";

export interface VoidUserLotOptions {
  userId: string;
  lotId: string;
  actorId: string;
  reason: string;
}

/** Voids what remains of one of this user's lots (voidLot audits it); a lot of another user is "not found" here. */
export async function voidUserLot({ userId, lotId, actorId, reason }: VoidUserLotOptions) {
  const prisma = await getPrisma();
  const lot = await prisma.creditLot.findUnique({ where: { id: lotId }, select: { userId: true } });
  if (!lot || lot.userId !== userId) throw new AppError("NOT_FOUND", "lot_not_found");
  return voidLot({ lotId, actorId, reason });
}
