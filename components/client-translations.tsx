import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type siteMessages from "@/lib/i18n/messages/en.json";

type Namespace = keyof typeof siteMessages | "console";

/**
 * next-intl for the client components inside, with only the messages of `namespaces`. Mounted
 * around the few parts that translate in the browser rather than at the root: a page without
 * one ships neither the messages nor the ICU formatting runtime.
 */
export async function ClientTranslations({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const all = await getMessages();
  const messages: AbstractIntlMessages = {};
  for (const namespace of namespaces) messages[namespace] = all[namespace];
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
