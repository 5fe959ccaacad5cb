import { getPrisma } from "@/lib/db";

export interface SignOutEverywhereOptions {
  userId: string;
}

/** Ends every session of the account, on every device, including the caller's. */
export async function signOutEverywhere({ userId }: SignOutEverywhereOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
