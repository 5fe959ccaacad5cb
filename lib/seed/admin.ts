import { hashPassword, passwordSchema } from "@/lib/auth/password";
import type { PrismaClient } from "@prisma/client";

export type EnsureAdminResult = "created" | "promoted" | "unchanged";

/**
 * Makes sure `email` is an admin. A new account gets `password`; an existing account keeps
 * its own password and is only promoted, so a restart never resets anyone's credentials.
 */
export async function ensureAdmin(prisma: PrismaClient, email: string, password: string): Promise<EnsureAdminResult> {
  const normalized = email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email: normalized }, select: { role: true } });
  if (existing?.role === "ADMIN") return "unchanged";
  if (existing) {
    await prisma.user.update({ where: { email: normalized }, data: { role: "ADMIN" } });
    return "promoted";
  }
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new Error("ADMIN_PASSWORD is too weak: at least 8 characters with letters and digits");
  await prisma.user.upsert({
    where: { email: normalized },
    create: { email: normalized, passwordHash: await hashPassword(password), role: "ADMIN" },
    update: { role: "ADMIN" },
  });
  return "created";
}
