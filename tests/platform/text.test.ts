import { describe, expect, it } from "vitest";
import { createTranslator } from "../../app/i18n";
import { hasVisibleText, normaliseBody, normaliseLine } from "../../app/modules/platform/text";
import { bodyText, lineText, nulPaths, parseWith } from "../../app/modules/platform/validation";
import { z } from "zod";
import { invisibleCorpus } from "./unicode-corpus";

/**
 * Invisible and reordering text (issue 10): the one helper every title, name and body goes through. A corpus of
 * strings that show nothing, each refused with the "nothing visible" message as a title and as a body; bidi
 * controls removed from titles and names but kept in bodies; NFC; NUL refused everywhere.
 */

const fr = createTranslator("fr");
const en = createTranslator("en");
const title = lineText({ min: 3, max: 200 });
const body = bodyText({ max: 50_000 });
const section = bodyText({ min: 0, max: 20_000 });

describe("hasVisibleText", () => {
  it.each(invisibleCorpus)("finds nothing visible in %s", (_name, text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  it.each([
    ["a letter", "a"],
    ["a letter with a combining mark", "e\u0301"],
    ["a digit", "7"],
    ["punctuation", "?"],
    ["an emoji", "🙂"],
    ["an emoji ZWJ sequence", "👩\u200D💻"],
    ["Arabic", "مرحبا"],
    ["Hebrew between bidi marks", "\u200Fשלום\u200F"],
    ["Thai", "สวัสดี"],
    ["Devanagari", "नमस्ते"],
    ["Hangul", "안녕"],
    ["a private-use character", "\uE000"],
    ["a letter among zero-width spaces", "\u200B\u200Bx\u200B"],
  ])("sees %s", (_name, text) => {
    expect(hasVisibleText(text)).toBe(true);
  });
});

describe("titles and names", () => {
  it.each(invisibleCorpus)("refuses a title of %s, saying nothing is visible (fr, en)", (_name, text) => {
    const frResult = parseWith(z.object({ title }), { title: text }, fr);
    expect(frResult.ok).toBe(false);
    if (!frResult.ok) expect(frResult.errors.title).toEqual([fr("validation.invisible")]);
    const enResult = parseWith(z.object({ title }), { title: text }, en);
    if (!enResult.ok) expect(enResult.errors.title[0]).toMatch(/nothing visible/);
    else expect.unreachable();
  });

  it.each([
    ["a right-to-left override", "\u202Egnp.exe", "gnp.exe"],
    ["an override closed by a pop", "Facture \u202Efdp.exe\u202C", "Facture fdp.exe"],
    ["isolates", "\u2066Titre\u2069 du sujet", "Titre du sujet"],
    ["embeddings", "\u202AUn\u202B titre\u202C", "Un titre"],
    ["direction marks", "Bonjour\u200E le\u200F monde\u061C", "Bonjour le monde"],
    ["decomposed accents", "E\u0301cole et cafe\u0301", "École et café"],
    ["tabs, new lines and runs of spaces", "  Un \t titre\n sur\r\n plusieurs   lignes  ", "Un titre sur plusieurs lignes"],
    ["no-break and ideographic spaces", "Un\u00A0titre\u3000ici", "Un titre ici"],
    ["control characters", "Un\u0007 titre\u001B!", "Un titre!"],
  ])("normalises %s", (_name, input, expected) => {
    expect(normaliseLine(input)).toBe(expected);
    const parsed = parseWith(z.object({ title }), { title: input }, fr);
    expect(parsed).toEqual({ ok: true, data: { title: expected } });
  });

  it.each([
    ["an emoji sequence", "👩\u200D💻 Déboguer en binôme"],
    ["Arabic", "كيف أساعد متعلمًا"],
    ["a zero-width joiner inside a word", "Wiki\u200Dpedia"],
  ])("keeps %s as typed", (_name, input) => {
    expect(parseWith(z.object({ title }), { title: input }, fr)).toEqual({ ok: true, data: { title: input } });
  });

  it("still says a blank title is required and a short one too short", () => {
    expect(parseWith(z.object({ title }), { title: "   " }, en)).toEqual({ ok: false, errors: { title: [en("validation.required")] } });
    expect(parseWith(z.object({ title }), { title: "ab" }, en)).toEqual({ ok: false, errors: { title: [en("validation.tooShort", { min: 3 })] } });
  });
});

describe("bodies", () => {
  it.each(invisibleCorpus)("refuses a body of %s", (_name, text) => {
    expect(parseWith(z.object({ body }), { body: text }, fr)).toEqual({ ok: false, errors: { body: [fr("validation.invisible")] } });
  });

  it.each(invisibleCorpus)("refuses an optional section of %s, but not an empty one", (_name, text) => {
    expect(parseWith(z.object({ lessons: section }), { lessons: text }, fr)).toEqual({ ok: false, errors: { lessons: [fr("validation.invisible")] } });
    expect(parseWith(z.object({ lessons: section }), { lessons: "  \n " }, fr)).toEqual({ ok: true, data: { lessons: "" } });
  });

  it("keeps bidi marks and lines, in NFC", () => {
    const rtl = "\u202Bשלום, איך עוזרים ללומד?\u202C\n\n- \u200Fנקודה ראשונה\n- second point";
    expect(parseWith(z.object({ body }), { body: rtl }, fr)).toEqual({ ok: true, data: { body: rtl } });
    expect(normaliseBody("  Un re\u0301sume\u0301\n\nsur deux paragraphes  ")).toBe("Un résumé\n\nsur deux paragraphes");
  });
});

describe("NUL characters", () => {
  it("are refused in titles, bodies and any other field, with the field named", () => {
    expect(parseWith(z.object({ title }), { title: "Un ti\u0000tre" }, fr)).toEqual({ ok: false, errors: { title: [fr("validation.nul")] } });
    expect(parseWith(z.object({ body }), { body: "texte\u0000" }, en)).toEqual({ ok: false, errors: { body: [en("validation.nul")] } });
    const other = z.object({ email: z.string(), tags: z.array(z.string()) });
    expect(parseWith(other, { email: "a\u0000@b.c", tags: ["ok", "b\u0000"] }, fr)).toEqual({
      ok: false,
      errors: { email: [fr("validation.nul")], "tags.1": [fr("validation.nul")] },
    });
    expect(nulPaths({ a: { b: ["x", "y\u0000"] }, "k\u0000": 1 })).toEqual(["a.b.1", "_form"]);
  });

  it("say so in both languages", () => {
    expect(fr("validation.nul")).toMatch(/caractère nul/);
    expect(en("validation.nul")).toMatch(/null character/);
  });
});
