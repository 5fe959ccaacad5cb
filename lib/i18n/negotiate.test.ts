import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate";

describe("language from the browser", () => {
  it("picks the best supported language by quality", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("zh-TW")).toBe("zh");
  });

  it("falls back to Chinese for missing, unsupported or malformed headers", () => {
    expect(localeFromAcceptLanguage(null)).toBe("zh");
    expect(localeFromAcceptLanguage("fr,de")).toBe("zh");
    expect(localeFromAcceptLanguage(";;;q=x,,")).toBe("zh");
  });
});
