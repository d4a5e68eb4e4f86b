import { describe, expect, it } from "vitest";
import { createTranslator, negotiateLocale, resolveLocale } from "../../app/i18n";
import { en } from "../../app/i18n/messages/en";
import { fr } from "../../app/i18n/messages/fr";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have exactly the same keys in French and English", () => {
    const frKeys = Object.keys(fr).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !frKeys.includes(k))).toEqual([]);
    expect(frKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it("interpolates values and plural forms", () => {
    const t = createTranslator("fr");
    expect(t("auth.tooManyAttempts", { minutes: 15 })).toBe("Trop de tentatives. Réessayez dans 15 min.");
    expect(createTranslator("en")("home.welcome", { name: "Ana" })).toBe("Hello Ana!");
  });
});

describe("choosing the language", () => {
  it("follows Accept-Language by quality, French when it names neither", () => {
    expect(negotiateLocale("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLocale("fr-BE,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE,en;q=0.5,fr;q=0.7")).toBe("fr");
    expect(negotiateLocale("de,en;q=0.3")).toBe("en");
    expect(negotiateLocale("es-ES,es")).toBe("fr");
    expect(negotiateLocale("*")).toBe("fr");
    expect(negotiateLocale("")).toBe("fr");
    expect(negotiateLocale("en;q=0")).toBe("fr");
  });

  it("prefers the person's setting, then the switcher's cookie, then the browser", () => {
    expect(resolveLocale({ userLocale: "en", cookieHeader: "dc_lang=fr", acceptLanguage: "fr" })).toBe("en");
    expect(resolveLocale({ userLocale: null, cookieHeader: "a=1; dc_lang=en", acceptLanguage: "fr" })).toBe("en");
    expect(resolveLocale({ userLocale: null, cookieHeader: "dc_lang=xx", acceptLanguage: "en" })).toBe("en");
  });
});
