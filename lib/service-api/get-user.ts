import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { userView } from "@/lib/service-api/views";

export interface GetUserOptions {
  id?: string;
  email?: string;
  externalId?: string;
}

/** One user, by exactly one of id, email or externalId. */
export async function getUser({ id, email, externalId }: GetUserOptions): Promise<ReturnType<typeof userView>> {
  const prisma = await getPrisma();
  const where = id ? { id } : email ? { email } : externalId ? { externalId } : null;
  if (!where) throw new AppError("VALIDATION", "invalid_input");
  const user = await prisma.user.findUnique({
    where,
    select: { id: true, email: true, externalId: true, createdAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  return userView(user);
}
