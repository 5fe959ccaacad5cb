import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { defaultLocale, locales, type Locale } from "@/lib/i18n/config";

/** The best supported language for an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const requested = new Negotiator({ headers: { "accept-language": header } }).languages();
  try {
    return match(requested, [...locales], defaultLocale) as Locale;
  } catch {
    // A malformed language tag in the header.
    return defaultLocale;
  }
}
