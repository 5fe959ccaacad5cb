import { issueToken } from "@/lib/accounts/account-token";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { accountMail, linkMinutes } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send-mail";
import { createUser, type CreateUserOptions } from "@/lib/users/create-user";

export interface SignUpOptions {
  email: string;
  password: string;
  name?: string;
  locale: Locale;
}

/**
 * Self-service sign-up. Answers the same whether or not the address already has an account:
 * a new address gets an unverified account and a verification link; an address that has one
 * gets a mail telling its owner (with a reset link) instead. Sign-in waits for the link.
 */
export async function signUp({ email, password, name, locale }: SignUpOptions): Promise<void> {
  const options: CreateUserOptions = { email, password, name, emailVerified: false };
  const created = await createUser(options).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "CONFLICT") return null;
    throw error;
  });
  const prisma = await getPrisma();
  if (created) {
    const token = await issueToken(prisma, {
      userId: created.id,
      purpose: "VERIFY_EMAIL",
      ttlMinutes: linkMinutes.verifyEmail,
    });
    await sendMail({ to: email, ...accountMail("verifyEmail", locale, `/verify-email?token=${token}`) });
    return;
  }
  const owner = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!owner) return;
  const token = await issueToken(prisma, {
    userId: owner.id,
    purpose: "RESET_PASSWORD",
    ttlMinutes: linkMinutes.accountExists,
  });
  await sendMail({ to: email, ...accountMail("accountExists", locale, `/reset-password?token=${token}`) });
}
