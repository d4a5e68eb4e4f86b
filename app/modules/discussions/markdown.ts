import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown → HTML for posts, topics, cases: marked renders, then sanitize-html keeps only the contract's allowlist
 * (api.md, Conventions) — raw HTML in the source goes through the same allowlist (so <details> works and
 * <img onerror> loses its handler); links may only be http(s), mailto, relative or #anchors; images only http(s) or
 * relative. Pure: no I/O.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
  "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "sup", "sub", "kbd", "code", "pre",
  "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "span", "details", "summary",
  "input",
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    code: ["class"],
    pre: ["class"],
    span: ["class"],
    th: ["align"],
    td: ["align"],
    input: ["type", "checked", "disabled"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { a: ["http", "https", "mailto"], img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Dropped with everything inside: their content would re-nest differently once a browser parses it.
  nonTextTags: ["script", "style", "textarea", "option", "math", "svg", "noscript", "template", "xmp", "noembed", "title", "select", "iframe", "object", "embed", "frameset", "noframes", "head"],
  allowedClasses: { code: [/^language-[\w-]+$/], pre: [/^language-[\w-]+$/], span: ["mention"] },
  transformTags: {
    // Task lists only: any other input becomes a disabled checkbox or nothing.
    input: (tagName, attribs) =>
      attribs.type === "checkbox"
        ? { tagName, attribs: { type: "checkbox", disabled: "", ...(attribs.checked !== undefined ? { checked: "" } : {}) } }
        : { tagName: "span", attribs: {} },
  },
  exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
};

const mentionPattern = /(^|[^\w@./-])@([a-z0-9][a-z0-9._-]{1,38}[a-z0-9])(?![\w@-])/gi;

export type RenderedMarkdown = {
  html: string;
  /** Plain text for search, snippets and e-mails. */
  text: string;
  /** Handles mentioned with @handle, lowercased, without duplicates. */
  mentions: string[];
};

export function renderMarkdown(source: string, options: { knownHandles?: ReadonlySet<string> } = {}): RenderedMarkdown {
  const rendered = marked.parse(source) as string;
  // Sanitised twice: the second pass settles markup a browser would re-nest (mXSS), so stored HTML is stable.
  let html = sanitizeHtml(sanitizeHtml(rendered, sanitizeOptions), sanitizeOptions);
  const mentions = mentionsIn(html);
  if (mentions.length) html = linkMentions(html, options.knownHandles ?? new Set(mentions));
  const text = htmlToText(html);
  return { html, text, mentions };
}

/** Maps each text run outside code, pre and links; tags pass through unchanged. */
function mapText(html: string, fn: (text: string) => string): string {
  let inert = 0;
  return html
    .split(/(<[^>]+>)/g)
    .map((part) => {
      if (part.startsWith("<")) {
        if (/^<(code|pre|a)\b/i.test(part)) inert++;
        else if (/^<\/(code|pre|a)>/i.test(part)) inert = Math.max(0, inert - 1);
        return part;
      }
      return inert > 0 ? part : fn(part);
    })
    .join("");
}

/** Mentions in the rendered text, never inside code (whatever the markdown form of the code) or links. */
function mentionsIn(html: string): string[] {
  const found = new Set<string>();
  mapText(html, (text) => {
    for (const match of text.matchAll(mentionPattern)) found.add(match[2].toLowerCase());
    return text;
  });
  return [...found];
}

/** Turns @handle in text (not inside code, pre or links) into a link to the profile. */
function linkMentions(html: string, known: ReadonlySet<string>): string {
  return mapText(html, (text) =>
    text.replace(mentionPattern, (whole, before: string, handle: string) =>
      known.has(handle.toLowerCase()) ? `${before}<span class="mention"><a href="/people/${handle.toLowerCase()}">@${handle}</a></span>` : whole,
    ),
  );
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

export function htmlToText(html: string): string {
  return html
    .replace(/<(br|hr)\s*\/?>/gi, "\n")
    .replace(/<\/(p|h[1-6]|li|blockquote|pre|tr|details|summary)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (whole, code: string) => {
      if (code.startsWith("#x")) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith("#") && code !== "#39") return String.fromCodePoint(Number(code.slice(1)));
      return entities[code] ?? whole;
    })
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A short excerpt of plain text, cut on a word. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20))}…`;
}

/** A short plain-text summary of a markdown text (an accepted answer, an approach that helped), cut between words. */
export function markdownSummary(markdown: string, max: number) {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " … ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text;
}
