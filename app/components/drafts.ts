/** Browser drafts of what people type (markdown fields) all start with this prefix. */
export const draftPrefix = "dc-draft:";

export function readDraft(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: string) {
  try {
    if (value.trim()) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    // Private mode or a full storage: the draft is a comfort, not a promise.
  }
}

/** Signing out forgets every draft: on a shared computer of a training centre, no one finds another's text. */
export function forgetDrafts() {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i)).filter((k): k is string => Boolean(k?.startsWith(draftPrefix)));
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
