import { getPrisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { userView } from "@/lib/service-api/views";

export interface SetExternalIdOptions {
  userId: string;
  /** Null removes the mapping. */
  externalId: string | null;
}

/** Maps a user to the operator's own id; one user per externalId (a unique index decides). */
export async function setExternalId({
  userId,
  externalId,
}: SetExternalIdOptions): Promise<ReturnType<typeof userView>> {
  const prisma = await getPrisma();
  try {
    const updated = await prisma.user.updateManyAndReturn({
      where: { id: userId },
      data: { externalId },
      select: { id: true, email: true, externalId: true, createdAt: true },
    });
    const user = updated[0];
    if (!user) throw new AppError("NOT_FOUND", "user_not_found");
    return userView(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "external_id_taken");
    throw error;
  }
}
