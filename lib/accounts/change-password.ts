import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface ChangePasswordOptions {
  userId: string;
  currentPassword: string;
  newPassword: string;
}

/** Changes the password of a signed-in user who knows the current one; every session ends. */
export async function changePassword({ userId, currentPassword, newPassword }: ChangePasswordOptions): Promise<void> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("VALIDATION", "wrong_password", { fields: { currentPassword: "wrong_password" } });
  }
  const passwordHash = await hashPassword(newPassword);
  // Only if the password is still the one just checked: a concurrent change or reset wins.
  const changed = await prisma.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (changed.count !== 1) throw new AppError("CONFLICT", "password_changed_meanwhile");
}
