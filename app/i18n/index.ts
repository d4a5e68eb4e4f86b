import type { MessageKey } from "./messages/fr";

export const supportedLocales = ["fr", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "fr";
export const localeCookieName = "dc_lang";
export type { MessageKey };

export type Catalogue = Record<MessageKey, string>;

/**
 * Catalogues are registered rather than imported here, so that a browser downloads only its own language
 * (entry.client.tsx); the server registers both (all-catalogues.ts). Kept on globalThis so that the server's two
 * module graphs (Express and the Remix build) share one registry.
 */
const catalogues: Partial<Record<Locale, Catalogue>> = ((globalThis as { __dcCatalogues?: Partial<Record<Locale, Catalogue>> }).__dcCatalogues ??= {});

export function registerCatalogues(entries: Partial<Record<Locale, Catalogue>>) {
  Object.assign(catalogues, entries);
}

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.values(catalogues).some((catalogue) => Object.prototype.hasOwnProperty.call(catalogue, value));
}

/** Picks French or English from an Accept-Language header by quality; French when it names neither. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  let best: { locale: Locale; q: number } | undefined;
  for (const part of acceptLanguage.split(",")) {
    const [tag, ...params] = part.trim().split(";");
    const base = tag.trim().toLowerCase().split("-")[0];
    if (!isLocale(base)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: base, q };
  }
  return best?.locale ?? defaultLocale;
}

export function readLocaleCookie(cookieHeader: string | null | undefined): Locale | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === localeCookieName && isLocale(value)) return value;
  }
  return undefined;
}

/** The person's setting, else the switcher's cookie, else Accept-Language. */
export function resolveLocale(input: {
  userLocale?: string | null;
  cookieHeader?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  return readLocaleCookie(input.cookieHeader) ?? negotiateLocale(input.acceptLanguage);
}

export type TranslationParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslationParams) => string;

/** One translator per language and catalogue: pages ask for one per request, several times. */
const translators = new Map<Locale, { catalogue: Catalogue; t: Translate }>();

export function createTranslator(locale: Locale): Translate {
  const registered = catalogues[locale];
  const cached = translators.get(locale);
  if (registered && cached?.catalogue === registered) return cached.t;
  const catalogue = registered ?? ({} as Catalogue);
  const plural = new Intl.PluralRules(locale);
  const t: Translate = (key, params) => {
    let message = catalogue[key] ?? key;
    if (!params) return message;
    // "{count, plural, one {# member} other {# members}}" — the one ICU form the catalogues use.
    message = message.replace(/\{(\w+), plural, ((?:\w+ \{[^}]*\}\s*)+)\}/g, (_, name: string, forms: string) => {
      const count = Number(params[name]);
      const options = Object.fromEntries([...forms.matchAll(/(\w+) \{([^}]*)\}/g)].map((m) => [m[1], m[2]]));
      const chosen = options[plural.select(count)] ?? options.other ?? "";
      return chosen.replace(/#/g, String(count));
    });
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
  };
  if (registered) translators.set(locale, { catalogue: registered, t });
  return t;
}

/** Formatters cost more to build than to use: one per language for the process. */
const collators = new Map<string, Intl.Collator>();
const regionNames = new Map<string, Intl.DisplayNames>();

/** Sorts words as the reader's language does. */
export function collatorFor(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)));
  return collator;
}

/** A country's name in the reader's language, from its ISO code. */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Translates a message that may be a catalogue key (validation messages carry keys). */
export function translateMaybeKey(t: Translate, message: string, params?: TranslationParams): string {
  return isMessageKey(message) ? t(message, params) : message;
}

export const languageNames: Record<string, { fr: string; en: string }> = {
  fr: { fr: "français", en: "French" },
  en: { fr: "anglais", en: "English" },
  es: { fr: "espagnol", en: "Spanish" },
  ca: { fr: "catalan", en: "Catalan" },
  ro: { fr: "roumain", en: "Romanian" },
  nl: { fr: "néerlandais", en: "Dutch" },
  de: { fr: "allemand", en: "German" },
  it: { fr: "italien", en: "Italian" },
  pt: { fr: "portugais", en: "Portuguese" },
  ar: { fr: "arabe", en: "Arabic" },
  eu: { fr: "basque", en: "Basque" },
  gl: { fr: "galicien", en: "Galician" },
  uk: { fr: "ukrainien", en: "Ukrainian" },
  ru: { fr: "russe", en: "Russian" },
  pl: { fr: "polonais", en: "Polish" },
  tr: { fr: "turc", en: "Turkish" },
  hu: { fr: "hongrois", en: "Hungarian" },
};

export function languageName(code: string, locale: Locale): string {
  return languageNames[code]?.[locale] ?? code;
}
