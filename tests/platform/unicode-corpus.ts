/**
 * Text that shows nothing, for the tests of the text helper and of every surface that takes a title, a name or a
 * body (issue 10: zero-width titles showed as blank cards).
 */

/** Strings in which nothing is visible (whitespace aside, each would show as a blank card). */
export const invisibleCorpus: [string, string][] = [
  ["zero-width space", "\u200B"],
  ["zero-width space, joiners", "\u200B\u200C\u200D"],
  ["zero-width spaces between spaces", " \u200B \u200B "],
  ["word joiner", "\u2060\u2060\u2060"],
  ["byte order mark", "\uFEFF\uFEFF\uFEFF"],
  ["soft hyphen", "\u00AD\u00AD\u00AD"],
  ["Hangul filler", "\u3164\u3164\u3164"],
  ["Hangul choseong and jungseong fillers", "\u115F\u1160\u115F"],
  ["halfwidth Hangul filler", "\uFFA0\uFFA0\uFFA0"],
  ["braille blank", "\u2800\u2800\u2800"],
  ["combining acute accents alone", "\u0301\u0301\u0301"],
  ["combining grapheme joiner", "\u034F\u034F\u034F"],
  ["variation selectors", "\uFE0F\uFE0E\uFE0F"],
  ["Mongolian vowel separator", "\u180E\u180E\u180E"],
  ["Khmer inherent vowels", "\u17B4\u17B5\u17B4"],
  ["invisible math operators", "\u2061\u2062\u2063\u2064"],
  ["tag characters", "\u{E0041}\u{E0042}\u{E0043}"],
  ["musical formatting", "\u{1D173}\u{1D174}\u{1D175}"],
  ["right-to-left override alone", "\u202E\u202E\u202E"],
  ["isolates alone", "\u2066\u2067\u2068\u2069"],
  ["left-to-right and right-to-left marks", "\u200E\u200F\u200E"],
  ["Arabic letter mark", "\u061C\u061C\u061C"],
  ["interlinear annotation characters", "\uFFF9\uFFFA\uFFFB"],
  ["control characters", "\u0007\u001B\u007F"],
  ["C1 controls", "\u0080\u0090\u009F"],
  ["ideographic and em spaces with a zero-width space", "\u3000\u2003\u200B"],
  ["no-break spaces and a word joiner", "\u00A0\u202F\u2060"],
  ["line and paragraph separators with a BOM", "\u2028\u2029\uFEFF"],
  ["a long run of zero-width spaces", "\u200B".repeat(500)],
  ["zero-width spaces on several lines", "\u200B\n\u200B\n\n\u200C"],
];

/** Titles that bidi controls would reorder or decorate, with what is stored. */
export const bidiTitles: [string, string, string][] = [
  ["a right-to-left override", "\u202Egnp.exe ecnaf", "gnp.exe ecnaf"],
  ["an override closed by a pop", "Facture \u202Efdp.exe\u202C du mois", "Facture fdp.exe du mois"],
  ["isolates", "\u2066Titre\u2069 du sujet", "Titre du sujet"],
  ["direction marks", "Bonjour\u200E le\u200F monde\u061C", "Bonjour le monde"],
  ["decomposed accents and runs of spaces", "  E\u0301cole   et\tcafe\u0301 ", "École et café"],
];
