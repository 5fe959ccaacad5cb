import { consumeToken } from "@/lib/accounts/account-token";
import { hashPassword } from "@/lib/auth/password";
import { perAccount } from "@/lib/auth/sign-in";
import { clearFailures } from "@/lib/auth/sign-in-throttle";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface ResetPasswordOptions {
  token: string;
  password: string;
}

/**
 * Sets a new password from a reset link: the link works once, every existing session is
 * refused from now on, the owner's other reset links die with it, and the address counts as
 * verified (the link reached its inbox).
 */
export async function resetPassword({ token, password }: ResetPasswordOptions): Promise<void> {
  const passwordHash = await hashPassword(password);
  const prisma = await getPrisma();
  const email = await prisma.$transaction(async (tx) => {
    const userId = await consumeToken(tx, { token, purpose: "RESET_PASSWORD" });
    if (!userId) throw new AppError("VALIDATION", "invalid_link");
    const now = new Date();
    await tx.accountToken.updateMany({
      where: { userId, purpose: "RESET_PASSWORD", usedAt: null },
      data: { usedAt: now },
    });
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    return user.email;
  });
  // The owner proved the address: a guesser's delays no longer stand in their way.
  await clearFailures(perAccount, email);
}
