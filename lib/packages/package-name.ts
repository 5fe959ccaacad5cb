/**
 * A package's name (or an order's snapshot of it) in the reader's language: the English name
 * for English readers (next-intl's locale, "zh" or "en") when there is one, else the Chinese
 * name every package has.
 */
export function packageNameFor(locale: string, name: string, nameEn: string | null | undefined): string {
  return locale === "en" && nameEn ? nameEn : name;
}
