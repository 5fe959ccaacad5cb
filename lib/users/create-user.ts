import { z } from "zod";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role, User } from "@prisma/client";
import { isUniqueViolation } from "@/lib/db/errors";

export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("invalid_email").max(254, "invalid_email")),
  password: passwordSchema,
  name: z.string().trim().max(80).optional(),
});

export type CreateUserOptions = z.infer<typeof signUpSchema> & {
  role?: Role;
  /** False for self-service sign-ups: the owner proves the address through the mailed link. */
  emailVerified?: boolean;
};

export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "balance" | "createdAt">;

export async function createUser({
  email,
  password,
  name,
  role = "USER",
  emailVerified = true,
}: CreateUserOptions): Promise<PublicUser> {
  const prisma = await getPrisma();
  const passwordHash = await hashPassword(password);
  try {
    return await prisma.user.create({
      data: { email, name: name || null, passwordHash, role, emailVerifiedAt: emailVerified ? new Date() : null },
      select: { id: true, email: true, name: true, role: true, balance: true, createdAt: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "email_taken", { fields: { email: "email_taken" } });
    }
    throw error;
  }
}
