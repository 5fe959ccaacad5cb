import { isLocale, localeCookie, type Locale } from "@/lib/i18n/config";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate";

/** The language a route handler's caller reads: the remembered choice, else the browser's. */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === localeCookie)?.[1];
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.headers.get("accept-language"));
}
