import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, type Locale } from "@/lib/i18n/config";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";

async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

// The admin console keeps its text in a file of its own (namespace "console").
async function loadMessages(locale: Locale) {
  const [site, adminConsole] = await Promise.all([
    import(`./messages/${locale}.json`),
    import(`./messages/console.${locale}.json`),
  ]);
  return { ...site.default, ...adminConsole.default };
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const [messages, timeZone] = await Promise.all([loadMessages(locale), getDisplayTimeZone()]);
  return { locale, messages, timeZone };
});
