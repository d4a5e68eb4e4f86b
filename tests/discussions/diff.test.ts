import { describe, expect, it } from "vitest";
import { diffWords, historyVersions, sideOf, tokenize } from "../../app/modules/discussions/diff";

describe("word diff for revision history", () => {
  it("keeps whitespace as tokens", () => {
    expect(tokenize("a  b\nc")).toEqual(["a", "  ", "b", "\n", "c"]);
    expect(tokenize("")).toEqual([]);
  });

  it("says nothing changed for equal texts", () => {
    expect(diffWords("un deux trois", "un deux trois")).toEqual([{ kind: "same", text: "un deux trois" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("finds an inserted word", () => {
    expect(diffWords("un entretien individuel", "un entretien individuel rapide")).toEqual([
      { kind: "same", text: "un entretien individuel" },
      { kind: "added", text: " rapide" },
    ]);
  });

  it("finds a removed word in the middle", () => {
    expect(diffWords("parlez-lui très vite demain", "parlez-lui vite demain")).toEqual([
      { kind: "same", text: "parlez-lui " },
      { kind: "removed", text: "très " },
      { kind: "same", text: "vite demain" },
    ]);
  });

  it("shows a replaced phrase as one removal then one addition", () => {
    expect(diffWords("le groupe a b fin", "le groupe x y fin")).toEqual([
      { kind: "same", text: "le groupe " },
      { kind: "removed", text: "a b" },
      { kind: "added", text: "x y" },
      { kind: "same", text: " fin" },
    ]);
  });

  it("handles everything new and everything gone", () => {
    expect(diffWords("", "tout neuf")).toEqual([{ kind: "added", text: "tout neuf" }]);
    expect(diffWords("tout parti", "")).toEqual([{ kind: "removed", text: "tout parti" }]);
  });

  it("always rebuilds both sides exactly", () => {
    const pairs = [
      ["Bonjour à tous,\n\nJe cherche des idées pour la semaine 6.", "Bonjour à toutes et à tous,\n\nJe cherche des idées concrètes pour la semaine 7 !"],
      ["a b c d e f", "f e d c b a"],
      ["  leading and trailing  ", "leading and\ntrailing"],
    ];
    for (const [before, after] of pairs) {
      const parts = diffWords(before, after);
      expect(sideOf(parts, "before")).toBe(before);
      expect(sideOf(parts, "after")).toBe(after);
    }
  });

  it("stays fast on very long texts by not diffing a huge middle word by word", () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");
    const before = words(5000, "a");
    const after = words(5000, "b");
    const started = performance.now();
    const parts = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sideOf(parts, "before")).toBe(before);
    expect(sideOf(parts, "after")).toBe(after);
  });
});

describe("history versions", () => {
  it("lists the current version first, the first one whole and each later one as changes from the one before", () => {
    const versions = historyVersions(
      [
        { body: "un deux", at: "2025-01-01T00:00:00.000Z", by: "a" },
        { body: "un trois", at: "2025-01-02T00:00:00.000Z", by: "b" },
      ],
      { body: "un trois quatre", at: "2025-01-03T00:00:00.000Z", by: "c" },
    );
    expect(versions.map((v) => [v.number, v.at, v.by])).toEqual([
      [3, "2025-01-03T00:00:00.000Z", "c"],
      [2, "2025-01-02T00:00:00.000Z", "b"],
      [1, "2025-01-01T00:00:00.000Z", "a"],
    ]);
    expect(versions[2].body).toEqual({ text: "un deux", changes: null });
    expect(versions[1].body).toEqual({ text: null, changes: [{ kind: "same", text: "un " }, { kind: "removed", text: "deux" }, { kind: "added", text: "trois" }] });
    expect(versions[0].body).toEqual({ text: null, changes: [{ kind: "same", text: "un trois" }, { kind: "added", text: " quatre" }] });
    expect(versions.map((v) => v.title)).toEqual([null, null, null]); // posts have no title
  });

  it("shows a topic's title whole on the first version, then only where it changed", () => {
    const versions = historyVersions(
      [
        { title: "Titre", body: "a", at: "2025-01-01T00:00:00.000Z", by: 1 },
        { title: "Titre", body: "b", at: "2025-01-02T00:00:00.000Z", by: 2 },
      ],
      { title: "Titre précis", body: "b", at: "2025-01-03T00:00:00.000Z", by: 2 },
    );
    expect(versions.map((v) => v.title)).toEqual([
      { text: null, changes: [{ kind: "same", text: "Titre" }, { kind: "added", text: " précis" }] },
      null,
      { text: "Titre", changes: null },
    ]);
    expect(versions[0].body).toEqual({ text: null, changes: [{ kind: "same", text: "b" }] });
  });

  it("is the current version alone when nothing was edited", () => {
    expect(historyVersions([], { body: "seul", at: "2025-01-01T00:00:00.000Z", by: null })).toEqual([
      { number: 1, at: "2025-01-01T00:00:00.000Z", by: null, title: null, body: { text: "seul", changes: null } },
    ]);
  });
});
