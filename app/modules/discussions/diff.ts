/**
 * A word-level diff between two versions of a text, for the revision history. Pure and small: the common start
 * and end are set aside, then the longest common subsequence of the remaining words (whitespace kept as tokens,
 * so the text reads as written). Past a size where the table would be too big, the changed middle is shown as one
 * deletion and one insertion rather than spending seconds on it.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Cells of the LCS table beyond which the middle is not diffed word by word. */
const maxCells = 4_000_000;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push("same", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > maxCells) {
    push("removed", midA.join(""));
    push("added", midB.join(""));
  } else {
    for (const part of lcsDiff(midA, midB)) push(part.kind, part.text);
  }
  push("same", a.slice(endA).join(""));
  return settleWhitespace(parts);
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m ? [{ kind: "added", text: b.join("") }] : [];
  if (m === 0) return [{ kind: "removed", text: a.join("") }];
  // lengths[i][j] = LCS of a[i..] and b[j..], flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      out.push({ kind: "removed", text: a[i++] });
    } else {
      out.push({ kind: "added", text: b[j++] });
    }
  }
  while (i < n) out.push({ kind: "removed", text: a[i++] });
  while (j < m) out.push({ kind: "added", text: b[j++] });
  return out;
}

/**
 * Changes separated only by whitespace read better as one phrase: "a b" → "x y" shows as "a b" removed and
 * "x y" added, not as two interleaved word swaps. Each run of changes (with the whitespace between them) becomes
 * at most one removal followed by one addition.
 */
function settleWhitespace(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let k = 0;
  while (k < parts.length) {
    if (parts[k].kind === "same") {
      out.push({ ...parts[k] });
      k++;
      continue;
    }
    let removed = "";
    let added = "";
    while (k < parts.length) {
      const p = parts[k];
      if (p.kind === "removed") removed += p.text;
      else if (p.kind === "added") added += p.text;
      else if (/^\s+$/.test(p.text) && k + 1 < parts.length && parts[k + 1].kind !== "same") {
        removed += p.text;
        added += p.text;
      } else break;
      k++;
    }
    if (removed) out.push({ kind: "removed", text: removed });
    if (added) out.push({ kind: "added", text: added });
  }
  return out;
}

/** The text of one side, rebuilt from the parts (a check that nothing was lost). */
export function sideOf(parts: DiffPart[], side: "before" | "after"): string {
  return parts
    .filter((p) => p.kind === "same" || p.kind === (side === "before" ? "removed" : "added"))
    .map((p) => p.text)
    .join("");
}

/** One field of a version: the whole text for the first version, else the changes from the version before. */
export type FieldChange = { text: string; changes: null } | { text: null; changes: DiffPart[] };
export type HistoryVersion<By> = { number: number; at: string; by: By; title: FieldChange | null; body: FieldChange };
type Text<By> = { title?: string; body: string; at: string; by: By };

/**
 * The versions of a post or topic for its history page, newest first: each stored earlier version, then the current
 * text. A title (topics) is shown whole on the first version and after that only where it changed.
 */
export function historyVersions<By>(earlier: Text<By>[], current: Text<By>): HistoryVersion<By>[] {
  const texts = [...earlier, current];
  return texts
    .map((v, i) => {
      const before = i === 0 ? null : texts[i - 1];
      const field = (now: string, then: string | undefined): FieldChange =>
        before === null || then === undefined ? { text: now, changes: null } : { text: null, changes: diffWords(then, now) };
      const title = v.title === undefined ? null : before && before.title === v.title ? null : field(v.title, before?.title);
      return { number: i + 1, at: v.at, by: v.by, title, body: field(v.body, before?.body) };
    })
    .reverse();
}
