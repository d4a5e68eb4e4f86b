import { useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "../i18n/react";
import { readDraft, writeDraft } from "./drafts";

type Mention = { handle: string; name: string };

export type MarkdownEditorProps = {
  /** The form field's name (also gives the textarea its id, `field-<name>`, like the other fields). */
  name: string;
  /**
   * The textarea's id where several editors share a page (e.g. `reply-<postId>`); its hint and error then take
   * `<id>-hint` and `<id>-error`. Without it: `field-<name>`, `hint-<name>`, `error-<name>`.
   */
  id?: string;
  label: ReactNode;
  defaultValue?: string;
  errors?: string[];
  /** localStorage key for the browser draft; no autosave without it. */
  draftKey?: string;
  hint?: ReactNode;
  rows?: number;
  required?: boolean;
  autoFocus?: boolean;
  /**
   * A creating form that stays on the page (a reply box): once its post succeeded, the field is emptied and its
   * draft forgotten. The page says whether the last answer to this form was a failure (`failed`): then the text
   * stays, and so does its draft.
   */
  emptyAfterPost?: boolean;
  failed?: boolean;
};

const mentionBefore = /(?:^|[^\p{L}\p{N}_@.-])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,39})$/u;

/**
 * A labelled markdown textarea that works as a plain field without JavaScript, and with it gains a preview,
 * a browser draft and @mention suggestions.
 */
export function MarkdownEditor({ name, id, label, defaultValue, errors, draftKey, hint, rows = 10, required, autoFocus, emptyAfterPost, failed }: MarkdownEditorProps) {
  const t = useT();
  const uid = useId().replace(/:/g, "");
  const fieldId = id ?? `field-${name}`;
  const hintId = id ? `${id}-hint` : `hint-${name}`;
  const errorId = id ? `${id}-error` : `error-${name}`;
  const listId = `${uid}-mentions`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [preview, setPreview] = useState<{ state: "idle" | "loading" | "done" | "error"; html?: string; message?: string }>({ state: "idle" });
  const [draftNote, setDraftNote] = useState<"restored" | "offer" | null>(null);
  const [suggestions, setSuggestions] = useState<Mention[]>([]);
  const [active, setActive] = useState(0);
  const [query, setQuery] = useState<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();
  const lookup = useRef<AbortController>();
  const lookupTimer = useRef<ReturnType<typeof setTimeout>>();
  const navigation = useNavigation();
  const submitted = useRef(false);

  const open = query !== null && suggestions.length > 0;

  // Enhance after hydration; bring back a draft if the field came empty, or offer it if it differs.
  useEffect(() => {
    setEnhanced(true);
    const el = textarea.current;
    if (!el || !draftKey) return;
    const draft = readDraft(draftKey);
    if (!draft || !draft.trim() || draft === el.value) return;
    if (!el.value.trim()) {
      el.value = draft;
      setDraftNote("restored");
    } else {
      setDraftNote("offer");
    }
  }, [draftKey]);

  // The draft goes when the form is submitted; if the page stays with an error, it comes back. A reply box that
  // stays after a successful post is emptied (`emptyAfterPost`), its draft gone.
  useEffect(() => {
    const form = textarea.current?.form;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      // A submission stopped before this listener (a second click while the first post is on its way) sends nothing.
      if (event.defaultPrevented) return;
      submitted.current = true;
      clearTimeout(saveTimer.current);
      if (draftKey) writeDraft(draftKey, "");
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [draftKey]);
  useEffect(() => {
    if (navigation.state !== "idle" || !submitted.current) return;
    submitted.current = false;
    const el = textarea.current;
    if (!el) return;
    if (emptyAfterPost && !failed) {
      el.value = "";
      setDraftNote(null);
      setTab("write");
      setPreview({ state: "idle" });
      if (draftKey) writeDraft(draftKey, "");
    } else if (draftKey) {
      writeDraft(draftKey, el.value);
    }
  }, [navigation.state, draftKey, emptyAfterPost, failed]);

  useEffect(() => () => {
    clearTimeout(saveTimer.current);
    clearTimeout(lookupTimer.current);
    lookup.current?.abort();
  }, []);

  const scheduleSave = useCallback(() => {
    if (!draftKey) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const el = textarea.current;
      if (el) writeDraft(draftKey, el.value);
    }, 400);
  }, [draftKey]);

  const closeSuggestions = useCallback(() => {
    clearTimeout(lookupTimer.current);
    lookup.current?.abort();
    setQuery(null);
    setSuggestions([]);
    setActive(0);
  }, []);

  const findMentions = useCallback(
    (q: string) => {
      lookup.current?.abort();
      const controller = new AbortController();
      lookup.current = controller;
      fetch(`/api/v1/mentions?q=${encodeURIComponent(q)}`, { signal: controller.signal, credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((res) => (res.ok ? (res.json() as Promise<Mention[]>) : []))
        .then((items) => {
          if (controller.signal.aborted) return;
          setSuggestions(Array.isArray(items) ? items : []);
          setActive(0);
        })
        .catch(() => undefined);
    },
    [],
  );

  const onInput = () => {
    scheduleSave();
    if (draftNote) setDraftNote(null);
    const el = textarea.current;
    if (!el) return;
    const match = el.selectionStart === el.selectionEnd ? mentionBefore.exec(el.value.slice(0, el.selectionStart)) : null;
    if (!match) return closeSuggestions();
    const q = match[1];
    setQuery(q);
    clearTimeout(lookupTimer.current);
    lookupTimer.current = setTimeout(() => findMentions(q), 120);
  };

  const choose = (mention: Mention) => {
    const el = textarea.current;
    if (!el || query === null) return;
    const caret = el.selectionStart;
    const start = caret - query.length;
    const insert = `${mention.handle} `;
    el.setRangeText(insert, start, caret, "end");
    closeSuggestions();
    el.focus();
    scheduleSave();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeSuggestions();
    }
  };

  const showPreview = () => {
    closeSuggestions();
    setTab("preview");
    const body = textarea.current?.value ?? "";
    if (!body.trim()) return setPreview({ state: "done", html: "" });
    setPreview({ state: "loading" });
    fetch("/api/v1/markdown/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ body }),
    })
      .then(async (res) => {
        if (res.status === 401) return setPreview({ state: "error", message: t("form.sessionExpired") });
        if (!res.ok) {
          const problem = (await res.json().catch(() => null)) as { errors?: Record<string, string[]>; detail?: string } | null;
          return setPreview({ state: "error", message: problem?.errors?.body?.[0] ?? t("composer.editor.previewFailed") });
        }
        const { html } = (await res.json()) as { html: string };
        setPreview({ state: "done", html });
      })
      .catch(() => setPreview({ state: "error", message: t("composer.editor.previewFailed") }));
  };

  const discardDraft = () => {
    if (draftKey) writeDraft(draftKey, "");
    if (textarea.current && draftNote === "restored") textarea.current.value = defaultValue ?? "";
    textarea.current?.focus();
    setDraftNote(null);
  };

  const takeDraft = () => {
    const draft = draftKey ? readDraft(draftKey) : null;
    if (textarea.current && draft) {
      textarea.current.value = draft;
      textarea.current.focus();
    }
    setDraftNote(null);
  };

  const describedBy =
    [hint ? hintId : null, errors?.length ? errorId : null, enhanced ? `${uid}-help` : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={errors?.length ? "field field-invalid markdown-editor" : "field markdown-editor"}>
      <label htmlFor={fieldId} id={`${uid}-label`}>
        {label}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {enhanced ? (
        <div className="editor-tabs" role="tablist" aria-labelledby={`${uid}-label`}>
          <button
            type="button"
            role="tab"
            id={`${uid}-tab-write`}
            aria-selected={tab === "write"}
            aria-controls={`${uid}-panel-write`}
            tabIndex={tab === "write" ? 0 : -1}
            onClick={() => {
              setTab("write");
              textarea.current?.focus();
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                e.preventDefault();
                showPreview();
                document.getElementById(`${uid}-tab-preview`)?.focus();
              }
            }}
          >
            {t("composer.editor.write")}
          </button>
          <button
            type="button"
            role="tab"
            id={`${uid}-tab-preview`}
            aria-selected={tab === "preview"}
            aria-controls={`${uid}-panel-preview`}
            tabIndex={tab === "preview" ? 0 : -1}
            onClick={showPreview}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                e.preventDefault();
                setTab("write");
                document.getElementById(`${uid}-tab-write`)?.focus();
              }
            }}
          >
            {t("composer.editor.preview")}
          </button>
        </div>
      ) : null}
      <div
        id={`${uid}-panel-write`}
        role={enhanced ? "tabpanel" : undefined}
        aria-labelledby={enhanced ? `${uid}-tab-write` : undefined}
        hidden={tab !== "write"}
        className="editor-write"
      >
        <textarea
          ref={textarea}
          id={fieldId}
          name={name}
          rows={rows}
          required={required}
          autoFocus={autoFocus}
          defaultValue={defaultValue}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          aria-autocomplete={enhanced ? "list" : undefined}
          aria-haspopup={enhanced ? "listbox" : undefined}
          aria-controls={enhanced ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(closeSuggestions, 150)}
          onInvalid={() => setTab("write")}
        />
        {enhanced ? (
          <ul id={listId} role="listbox" className="mention-list" aria-label={t("composer.editor.mentionsLabel")} hidden={!open}>
            {open
              ? suggestions.map((m, i) => (
                  <li
                    key={m.handle}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(m);
                    }}
                  >
                    <span className="mention-name">{m.name}</span> <span className="muted">@{m.handle}</span>
                  </li>
                ))
              : null}
          </ul>
        ) : null}
      </div>
      {enhanced ? (
        <div
          id={`${uid}-panel-preview`}
          role="tabpanel"
          aria-labelledby={`${uid}-tab-preview`}
          hidden={tab !== "preview"}
          className="editor-preview"
          tabIndex={0}
          aria-busy={preview.state === "loading" || undefined}
        >
          {preview.state === "loading" ? <p className="muted">{t("composer.editor.previewLoading")}</p> : null}
          {preview.state === "error" ? <p className="field-error">{preview.message}</p> : null}
          {preview.state === "done" && !preview.html ? <p className="muted">{t("composer.editor.previewEmpty")}</p> : null}
          {preview.state === "done" && preview.html ? <div className="markdown-body" dangerouslySetInnerHTML={{ __html: preview.html }} /> : null}
        </div>
      ) : null}
      {enhanced ? (
        <p className="hint" id={`${uid}-help`}>
          {t("composer.editor.help")}
        </p>
      ) : null}
      <p className="sr-only" role="status" aria-live="polite">
        {open ? t("composer.editor.mentionsCount", { count: suggestions.length }) : ""}
      </p>
      {draftNote ? (
        <p className="editor-draft" role="status">
          {draftNote === "restored" ? t("composer.editor.draftRestored") : t("composer.editor.draftOffer")}{" "}
          {draftNote === "offer" ? (
            <>
              <button type="button" className="link-button" onClick={takeDraft}>
                {t("composer.editor.draftUse")}
              </button>{" "}
              ·{" "}
            </>
          ) : null}
          <button type="button" className="link-button" onClick={discardDraft}>
            {t("composer.editor.draftDiscard")}
          </button>
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
