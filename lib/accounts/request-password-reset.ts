import { issueToken } from "@/lib/accounts/account-token";
import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { accountMail, linkMinutes } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send-mail";

export interface RequestPasswordResetOptions {
  email: string;
  locale: Locale;
}

/** Mails a reset link when the address has an account; the caller answers the same either way. */
export async function requestPasswordReset({ email, locale }: RequestPasswordResetOptions): Promise<void> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  const token = await issueToken(prisma, {
    userId: user.id,
    purpose: "RESET_PASSWORD",
    ttlMinutes: linkMinutes.resetPassword,
  });
  await sendMail({ to: email, ...accountMail("resetPassword", locale, `/reset-password?token=${token}`) });
}
