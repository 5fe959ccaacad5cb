import { consumeToken } from "@/lib/accounts/account-token";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface VerifyEmailOptions {
  token: string;
}

/** Marks the address proven by the mailed link. The link works once. */
export async function verifyEmail({ token }: VerifyEmailOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const userId = await consumeToken(tx, { token, purpose: "VERIFY_EMAIL" });
    if (!userId) throw new AppError("VALIDATION", "invalid_link");
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
  });
}
