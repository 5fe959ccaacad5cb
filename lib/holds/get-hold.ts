import type { CreditHold } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface GetHoldOptions {
  holdId: string;
}

export async function getHold({ holdId }: GetHoldOptions): Promise<CreditHold> {
  const prisma = await getPrisma();
  const hold = await prisma.creditHold.findUnique({ where: { id: holdId } });
  if (!hold) throw new AppError("NOT_FOUND", "hold_not_found");
  return hold;
}
