import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh.json";
import type { Locale } from "@/lib/i18n/config";
import { env } from "@/lib/env";

export type MailKind = "verifyEmail" | "resetPassword" | "accountExists";

export interface MailContent {
  subject: string;
  text: string;
}

/** The text of an account mail in the user's language, with `link` (an app path) made absolute. */
export function accountMail(kind: MailKind, locale: Locale, link: string): MailContent {
  const t = createTranslator({ locale, messages: locale === "zh" ? zh : en, namespace: "mail" });
  const url = `${env().APP_URL}${link}`;
  const minutes = linkMinutes[kind];
  return { subject: t(`${kind}.subject`), text: t(`${kind}.text`, { url, minutes, hours: minutes / 60 }) };
}

/** How long each kind of link works. */
export const linkMinutes: Record<MailKind, number> = {
  verifyEmail: 24 * 60,
  resetPassword: 30,
  accountExists: 30,
};
