import { DomUtils, parseDocument } from "htmlparser2";
import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { markdownSummary, renderMarkdown } from "../../app/modules/discussions/markdown";
import { xssCorpus, xssCorpusDocument, type XssClass } from "./xss-corpus";

/**
 * renderMarkdown is a black box here: its output is checked against the contract (api.md, Conventions) and the
 * oracle of research/security-anchors.md §3, parsing the HTML with htmlparser2 (which decodes entities in
 * attribute values, as a browser does).
 */

type Element = ReturnType<typeof DomUtils.findAll>[number];

// api.md, Conventions: the elements and attributes that may survive.
const allowedElements = new Set([
  "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "sup", "sub", "kbd", "code", "pre",
  "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "span", "details", "summary",
  "input",
]);
const allowedAttributes: Record<string, string[]> = {
  a: ["href", "title"],
  img: ["src", "alt", "title", "width", "height"],
  code: ["class"],
  pre: ["class"],
  span: ["class"],
  th: ["align"],
  td: ["align"],
  // "input only as a disabled checkbox (task lists)": type and disabled say so, checked is the contract's.
  input: ["type", "checked", "disabled"],
};
const hrefSchemes = ["http", "https", "mailto"];
const srcSchemes = ["http", "https"];
/** Raw HTML must not style the page (issue 3): no page classes on user content, only code languages and mentions. */
const allowedClass: Record<string, RegExp> = { code: /^language-[\w-]+$/, pre: /^language-[\w-]+$/, span: /^mention$/ };
/** Elements that must never appear, named so that a failure says which (the allowlist check catches the rest). */
const forbiddenElements = ["script", "iframe", "object", "embed", "base", "meta", "link", "style", "form", "frame", "frameset", "svg", "math", "template", "noscript", "textarea", "select", "button", "video", "audio", "source"];

/** The scheme a browser would see: entities already decoded, ASCII control characters and spaces removed. */
function schemeOf(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return match ? match[1] : null;
}

/** What the WHATWG URL parser (the browser's) resolves the value to, on a page of the app. */
function resolvedProtocol(value: string): string | null {
  try {
    return new URL(value, "https://compass.example/discussions/t/1").protocol.replace(/:$/, "");
  } catch {
    return null;
  }
}

function urlProblems(attribute: string, value: string, schemes: string[]): string[] {
  const problems: string[] = [];
  const scheme = schemeOf(value);
  if (scheme !== null && !schemes.includes(scheme)) problems.push(`${attribute} has scheme ${scheme}: ${JSON.stringify(value)}`);
  const resolved = resolvedProtocol(value);
  if (resolved !== null && !schemes.includes(resolved)) problems.push(`${attribute} resolves to ${resolved}: ${JSON.stringify(value)}`);
  return problems;
}

/** Everything that breaks the oracle, as readable lines (empty when the HTML is safe). */
function oracle(html: string): string[] {
  const problems: string[] = [];
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const elements = DomUtils.findAll(() => true, doc.children) as Element[];
  for (const el of elements) {
    const tag = el.name;
    if (forbiddenElements.includes(tag)) problems.push(`forbidden element <${tag}>`);
    else if (!allowedElements.has(tag)) problems.push(`element <${tag}> is not in the allowlist`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag}>`);
      if (name === "style") problems.push(`style attribute on <${tag}>`);
      if (!(allowedAttributes[tag] ?? []).includes(name)) problems.push(`attribute ${name} on <${tag}> is not in the allowlist`);
      if (name === "href") problems.push(...urlProblems("href", value, hrefSchemes));
      if (name === "src") problems.push(...urlProblems("src", value, srcSchemes));
      if (name === "class") {
        for (const cls of value.split(/\s+/).filter(Boolean)) {
          if (!allowedClass[tag]?.test(cls)) problems.push(`class ${JSON.stringify(cls)} on <${tag}>`);
        }
      }
    }
    if (tag === "input" && (el.attribs.type !== "checkbox" || !("disabled" in el.attribs))) {
      problems.push(`input that is not a disabled checkbox: ${JSON.stringify(el.attribs)}`);
    }
  }
  return problems;
}

/** The contract's allowlist, applied by sanitize-html directly (not the application's configuration). */
const contractSanitizer: sanitizeHtml.IOptions = {
  allowedTags: [...allowedElements],
  allowedAttributes,
  allowedSchemes: hrefSchemes,
  allowedSchemesByTag: { a: hrefSchemes, img: srcSchemes },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

const render = (markdown: string, knownHandles: string[] = ["camille.martin", "helene.rousseau"]) =>
  renderMarkdown(markdown, { knownHandles: new Set(knownHandles) });

describe("the XSS corpus", () => {
  it("has at least 60 real payloads covering every vector class of the security anchors", () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(60);
    const classes = new Set(xssCorpus.map((x) => x.class));
    const expected: XssClass[] = ["scheme", "autolink", "raw-html", "breakout", "encoding", "css", "mxss", "clobbering"];
    for (const c of expected) expect(classes, c).toContain(c);
    expect(new Set(xssCorpus.map((x) => x.id)).size).toBe(xssCorpus.length);
  });
});

describe("renderMarkdown on hostile markdown", () => {
  it.each(xssCorpus.map((x) => [x.id, x.markdown] as const))("%s: only allowlisted, inert HTML comes out", (_id, markdown) => {
    const { html } = render(markdown);
    expect(oracle(html), html).toEqual([]);
  });

  it.each(xssCorpus.map((x) => [x.id, x.markdown] as const))("%s: sanitising the output again changes nothing", (_id, markdown) => {
    const { html } = render(markdown);
    expect(sanitizeHtml(html, contractSanitizer)).toBe(html);
  });

  it("the whole corpus as one document passes the oracle and is stable", () => {
    const { html } = render(xssCorpusDocument);
    expect(oracle(html)).toEqual([]);
    expect(sanitizeHtml(html, contractSanitizer)).toBe(html);
  });

  it("keeps the readable text of neutralised links and images", () => {
    expect(render("[click me](javascript:alert(1))").html).toContain("click me");
    expect(render("![a picture](javascript:alert(1))").html).toMatch(/<img[^>]*alt="a picture"/);
    expect(render("<img src=x onerror=alert(1)>").html).not.toMatch(/onerror/i);
  });

  it("renders the plain text without markup", () => {
    const { text } = render("<script>alert(1)</script>**bold** <img src=x onerror=alert(1)> and `code`");
    expect(text).not.toMatch(/<|alert\(1\)<\/script>/);
    expect(text).toContain("bold");
    expect(text).toContain("code");
  });
});

describe("renderMarkdown keeps what trainers write", () => {
  const dom = (html: string) => parseDocument(html, { decodeEntities: true });
  const all = (html: string, tag: string) => DomUtils.getElementsByTagName(tag, dom(html).children) as Element[];

  it("renders headings of every level", () => {
    const { html } = render("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six");
    for (const [level, text] of [[1, "One"], [2, "Two"], [3, "Three"], [4, "Four"], [5, "Five"], [6, "Six"]] as const) {
      const [h] = all(html, `h${level}`);
      expect(h, `h${level}`).toBeDefined();
      expect(DomUtils.textContent(h)).toBe(text);
      expect(h.attribs).toEqual({});
    }
  });

  it("renders bullet and numbered lists, nested", () => {
    const { html } = render("- one\n- two\n  1. first\n  2. second\n- three");
    expect(all(html, "ul")).toHaveLength(1);
    expect(all(html, "ol")).toHaveLength(1);
    expect(all(html, "li").map((li) => DomUtils.textContent(li).trim().split("\n")[0])).toEqual(["one", "two", "first", "second", "three"]);
  });

  it("renders task lists as disabled checkboxes, ticked where done", () => {
    const { html } = render("- [x] call the learner\n- [ ] meet the tutor");
    const boxes = all(html, "input");
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      expect(box.attribs.type).toBe("checkbox");
      expect(box.attribs).toHaveProperty("disabled");
    }
    expect(boxes[0].attribs).toHaveProperty("checked");
    expect(boxes[1].attribs).not.toHaveProperty("checked");
    expect(oracle(html)).toEqual([]);
  });

  it("renders tables with column alignment", () => {
    const { html } = render("| Week | Learners | Note |\n|:-----|:--------:|-----:|\n| 6 | 12 | ok |");
    expect(all(html, "table")).toHaveLength(1);
    expect(all(html, "th").map((th) => th.attribs.align)).toEqual(["left", "center", "right"]);
    expect(all(html, "td").map((td) => td.attribs.align)).toEqual(["left", "center", "right"]);
    expect(all(html, "thead")).toHaveLength(1);
    expect(all(html, "tbody")).toHaveLength(1);
  });

  it("renders fenced code with its language class, and inline code", () => {
    const { html } = render("```js\nconst a = '<b>';\n```\n\nUse `git status` first.");
    const [pre] = all(html, "pre");
    const codes = all(html, "code");
    expect(pre).toBeDefined();
    expect(codes[0].attribs.class).toBe("language-js");
    expect(DomUtils.textContent(codes[0])).toBe("const a = '<b>';\n");
    expect(DomUtils.textContent(codes[1])).toBe("git status");
    expect(oracle(html)).toEqual([]);
  });

  it("keeps http, https, mailto, relative and #anchor links", () => {
    const links = ["http://example.com/a", "https://simplon.co/", "mailto:camille@example.com", "/discussions/t/12", "../cases/3", "#week-6"];
    const { html } = render(links.map((href, i) => `[link ${i}](${href})`).join(" "));
    expect(all(html, "a").map((a) => a.attribs.href)).toEqual(links);
    expect(render('[t](https://example.com "a title")').html).toContain('title="a title"');
  });

  it("keeps images over http and https, and drops other image sources", () => {
    const { html } = render("![chart](https://img.example/chart.png) ![photo](http://img.example/photo.jpg)");
    expect(all(html, "img").map((img) => [img.attribs.src, img.attribs.alt])).toEqual([
      ["https://img.example/chart.png", "chart"],
      ["http://img.example/photo.jpg", "photo"],
    ]);
    for (const src of ["javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "vbscript:x", "file:///etc/passwd", "ftp://example.com/a.png"]) {
      const out = render(`![x](${src})`).html;
      expect(all(out, "img").map((img) => img.attribs.src ?? null), src).toEqual([null]);
    }
  });

  it("keeps emphasis, strikethrough, quotes, rules and the small inline elements", () => {
    const { html } = render("**bold** _em_ ~~gone~~\n\n> quoted\n\n---\n\n<kbd>Ctrl</kbd> x<sup>2</sup> H<sub>2</sub>O\n\n<details><summary>More</summary>hidden text</details>");
    for (const tag of ["strong", "em", "del", "blockquote", "hr", "kbd", "sup", "sub", "details", "summary"]) expect(all(html, tag), tag).toHaveLength(1);
    expect(oracle(html)).toEqual([]);
  });

  it("links @mentions of known handles to their profile", () => {
    const { html, mentions } = render("Merci @camille.martin et @Helene.Rousseau !");
    const links = all(html, "a");
    expect(links.map((a) => [a.attribs.href, DomUtils.textContent(a)])).toEqual([
      ["/people/camille.martin", "@camille.martin"],
      ["/people/helene.rousseau", "@Helene.Rousseau"],
    ]);
    expect(mentions.sort()).toEqual(["camille.martin", "helene.rousseau"]);
    expect(oracle(html)).toEqual([]);
  });

  it("does not link handles nobody has", () => {
    const { html } = render("Hello @nobody.here and @camille.martin", ["camille.martin"]);
    expect(all(html, "a").map((a) => a.attribs.href)).toEqual(["/people/camille.martin"]);
    expect(html).toContain("@nobody.here");
  });

  it("does not take e-mail addresses for mentions", () => {
    const { mentions } = render("Write to camille.martin@demo.compass please");
    expect(mentions).toEqual([]);
  });

  it("does not link a mention that is already a link's text", () => {
    const { html } = render("[@camille.martin](https://example.com)");
    expect(all(html, "a").map((a) => a.attribs.href)).toEqual(["https://example.com"]);
  });

  describe("never turns a handle inside code into a mention", () => {
    const inCode: [string, string][] = [
      ["inline code", "Type `@camille.martin` in the box"],
      ["a ``` fence", "```\n@camille.martin\n```"],
      ["a ~~~ fence", "~~~\n@camille.martin\n~~~"],
      ["an indented code block", "Example:\n\n    @camille.martin is a handle\n"],
      ["a double-backtick code span", "Write `` @camille.martin `` like this"],
      ["a code span over two lines", "See `the handle\n@camille.martin` here"],
      ["raw <code>", "<code>@camille.martin</code>"],
      ["raw <pre>", "<pre>@camille.martin</pre>"],
    ];
    it.each(inCode)("in %s: not linked", (_where, markdown) => {
      const { html } = render(markdown, ["camille.martin"]);
      expect(all(html, "a")).toEqual([]);
    });
    // The mention list is what notifications are sent from: a handle shown as code must not notify anyone.
    it.each(inCode)("in %s: not reported as a mention (so nobody is notified)", (_where, markdown) => {
      expect(render(markdown, ["camille.martin"]).mentions).toEqual([]);
    });
  });
});

describe("markdownSummary (accepted answers, approaches that helped)", () => {
  it("keeps the words and drops the markup, code blocks and images", () => {
    const source = "## Ce qui a marché\n\n- **Un binôme** avec [une mentore](https://example.org)\n\n```js\nconsole.log(1)\n```\n\n![schéma](https://example.org/a.png) `git log`";
    expect(markdownSummary(source, 280)).toBe("Ce qui a marché Un binôme avec une mentore … git log");
  });

  it("cuts a long text between words and says so", () => {
    const summary = markdownSummary("apprenant ".repeat(100), 40);
    expect(summary.length).toBeLessThanOrEqual(41);
    expect(summary).toMatch(/apprenant…$/);
  });
});
