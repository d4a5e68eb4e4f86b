import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { xssCorpus, xssCorpusDocument } from "../discussions/xss-corpus";
import { expect, signIn, test } from "./fixtures";

/**
 * Hostile markdown rendered in Chromium runs no script (issue 3, "Done when"): a trainer posts the whole XSS corpus
 * as a topic and as replies through the API; the rendered HTML is shown in a page where alert/prompt/confirm/print
 * record their calls, and nothing may be called, navigate, open a window, keep an event handler or raise an error.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Trap = { calls: string[]; violations: string[] };

const tinyPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/** Records every call to the functions payloads use to prove they ran, and every CSP violation. */
function installTrap() {
  const trap: Trap = { calls: [], violations: [] };
  Object.defineProperty(window, "__xssTrap", { value: trap, configurable: false, writable: false });
  for (const name of ["alert", "prompt", "confirm", "print"] as const) {
    Object.defineProperty(window, name, {
      configurable: false,
      writable: false,
      value: (...args: unknown[]) => {
        trap.calls.push(`${name}(${args.map(String).join(", ")})`);
        return null;
      },
    });
  }
  document.addEventListener("securitypolicyviolation", (e) => trap.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
}

/** No image request leaves the machine or fails (a 404 would be a console error); other hosts answer empty. */
async function quietNetwork(page: Page, baseURL: string) {
  const base = new URL(baseURL);
  await page.route("**/*", (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (["image", "media"].includes(request.resourceType())) return route.fulfill({ status: 200, contentType: "image/png", body: tinyPng });
    if (url.host !== base.host) return route.fulfill({ status: 204, body: "" });
    return route.continue();
  });
}

/** The topic with the corpus as its body, and every payload again as a reply (groups of 8: one first-level reply and 7 under it). */
async function postHostileTopic(request: APIRequestContext, baseURL: string): Promise<{ id: string; payloadPosts: number }> {
  const headers = { origin: baseURL };
  const created = await request.post("/api/v1/topics", {
    headers,
    data: { categoryId: "tech-and-tools", title: "Corpus XSS : rien ne doit s'exécuter", body: xssCorpusDocument, tags: [], language: "fr" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { topic } = (await created.json()) as Json;
  let root: string | null = null;
  for (const [i, payload] of xssCorpus.entries()) {
    const parentId: string | null = i % 8 === 0 ? null : root;
    const res: APIResponse = await request.post(`/api/v1/topics/${topic.id}/posts`, { headers, data: { body: `${payload.id}\n\n${payload.markdown}`, parentId } });
    expect(res.status(), `${payload.id}: ${await res.text()}`).toBe(201);
    if (i % 8 === 0) root = ((await res.json()) as Json).post.id;
  }
  return { id: topic.id, payloadPosts: xssCorpus.length };
}

/** The rendered HTML of the topic and of every post, as the API gives it. */
async function renderedBodies(request: APIRequestContext, topicId: string): Promise<string[]> {
  const res = await request.get(`/api/v1/topics/${topicId}?limit=100`);
  expect(res.status()).toBe(200);
  const page = (await res.json()) as Json;
  return [page.topic.bodyHtml as string, ...page.posts.map((p: Json) => p.bodyHtml as string)];
}

/** Hovers, focuses and opens everything in the post bodies, then gives handlers and image errors time to fire. */
async function poke(page: Page, scope: string) {
  await page.evaluate((selector) => {
    for (const el of document.querySelectorAll<HTMLElement>(`${selector} *`)) {
      for (const type of ["mouseover", "mouseenter", "pointerover", "pointerenter", "mousemove"]) el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      el.focus?.();
      if (el instanceof HTMLDetailsElement) el.open = true;
    }
  }, scope);
  for (let i = 0; i < 10; i++) await page.keyboard.press("Tab");
  await page.waitForTimeout(800);
}

/** What must hold after the hostile content was shown. */
async function expectInert(page: Page, scope: string, expectedUrl: string, navigations: string[], popups: string[], dialogs: string[]) {
  const trap = await page.evaluate(() => (window as unknown as { __xssTrap: Trap }).__xssTrap);
  expect(trap.calls, "alert/prompt/confirm/print calls").toEqual([]);
  expect(trap.violations, "CSP violations (something tried to run)").toEqual([]);
  expect(dialogs, "dialogs").toEqual([]);
  expect(popups, "windows opened").toEqual([]);
  expect(navigations, "navigations").toEqual([]);
  expect(page.url()).toBe(expectedUrl);
  const findings = await page.evaluate((selector) => {
    const out: string[] = [];
    // No element of the whole page carries an inline handler (the app renders none; React attaches its own).
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) if (/^on/i.test(attr.name)) out.push(`<${el.localName} ${attr.name}> in the page`);
    }
    for (const el of document.querySelectorAll(`${selector} *`)) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) out.push(`<${el.localName} ${attr.name}>`);
        if (attr.name === "style") out.push(`<${el.localName} style>`);
      }
      if (["script", "iframe", "frame", "object", "embed", "base", "meta", "link", "style", "form", "svg", "math", "template"].includes(el.localName)) out.push(`<${el.localName}>`);
    }
    // Resolved as the browser would on a page of the app (about:blank cannot be a base for relative URLs).
    const base = location.protocol.startsWith("http") ? location.href : "https://compass.example/discussions/t/1";
    const protocol = (value: string) => {
      try {
        return new URL(value, base).protocol;
      } catch {
        return "unparseable:";
      }
    };
    for (const a of document.querySelectorAll<HTMLAnchorElement>(`${selector} a[href]`)) {
      const p = protocol(a.getAttribute("href")!);
      if (!["http:", "https:", "mailto:"].includes(p)) out.push(`link to ${p} ${a.getAttribute("href")}`);
    }
    for (const img of document.querySelectorAll<HTMLImageElement>(`${selector} img[src]`)) {
      const p = protocol(img.getAttribute("src")!);
      if (!["http:", "https:"].includes(p)) out.push(`image from ${p} ${img.getAttribute("src")}`);
    }
    return out;
  }, scope);
  expect(findings).toEqual([]);
}

/** The trap survived setContent and the page's own (nonce'd) script ran: a silent test would prove nothing. */
async function expectTrapInstalled(page: Page) {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xssTrap?: Trap; __pageScriptRan?: boolean };
    return { trap: typeof w.__xssTrap, alertIsStub: !String(window.alert).includes("[native code]"), pageScriptRan: w.__pageScriptRan === true };
  });
  expect(state).toEqual({ trap: "object", alertIsStub: true, pageScriptRan: true });
}

function watch(page: Page) {
  const navigations: string[] = [];
  const popups: string[] = [];
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("popup", (popup) => popups.push(popup.url()));
  return {
    navigations,
    popups,
    dialogs,
    start() {
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });
    },
  };
}

/** The app's own Content-Security-Policy, as a meta element (frame-ancestors only works as a header). */
async function appCspMeta(request: APIRequestContext, nonce: string): Promise<string> {
  const res = await request.get("/login");
  const header = res.headers()["content-security-policy"];
  expect(header, "the app sends a CSP").toBeTruthy();
  const policy = header
    .split(";")
    .map((d) => d.trim())
    .filter((d) => d && !d.startsWith("frame-ancestors") && !d.startsWith("upgrade-insecure-requests"))
    .map((d) => d.replace(/'nonce-[^']+'/g, `'nonce-${nonce}'`))
    .join("; ");
  expect(policy).toMatch(/script-src [^;]*'nonce-/);
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, "&quot;")}">`;
}

/** document.open (setContent) drops the listeners of the old document: listen again from the page itself. */
const listenForViolations = (nonce = "") =>
  `<script${nonce ? ` nonce="${nonce}"` : ""}>window.__pageScriptRan = true; document.addEventListener("securitypolicyviolation", (e) => window.__xssTrap.violations.push(e.violatedDirective + ": " + e.blockedURI + " " + e.sample));</script>`;

function blankPage(bodies: string[], head = ""): string {
  const articles = bodies.map((html, i) => `<article class="post-body" id="post-body-${i}">${html}</article>`).join("\n");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">${head}<title>XSS corpus</title></head><body><main>${articles}</main></body></html>`;
}

test.describe("hostile markdown in the browser", () => {
  test.beforeEach(async ({ page, baseURL }) => {
    await page.addInitScript(installTrap);
    await quietNetwork(page, baseURL!);
    await signIn(page, "trainer.paris@demo.compass");
  });

  test("control: the trap does catch a handler that was not sanitised", async ({ page }) => {
    await page.goto("about:blank");
    await page.setContent(blankPage(['<img src="x" onerror="alert(\'unsanitised\')">'], listenForViolations()), { waitUntil: "load" });
    await expectTrapInstalled(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __xssTrap: Trap }).__xssTrap.calls)).toEqual(["alert(unsanitised)"]);
  });

  test("the API's bodyHtml runs nothing in a blank page, even without any CSP", async ({ page, baseURL, pageErrors }) => {
    const { id, payloadPosts } = await postHostileTopic(page.request, baseURL!);
    const bodies = await renderedBodies(page.request, id);
    expect(bodies).toHaveLength(payloadPosts + 1);
    const w = watch(page);
    await page.goto("about:blank");
    await page.setContent(blankPage(bodies, listenForViolations()), { waitUntil: "load" });
    w.start();
    await expectTrapInstalled(page);
    await poke(page, "main");
    await expectInert(page, "main", "about:blank", w.navigations, w.popups, w.dialogs);
    expect(pageErrors).toEqual([]);
  });

  test("the API's bodyHtml runs nothing in a blank page under the app's CSP", async ({ page, baseURL, pageErrors }) => {
    const { id } = await postHostileTopic(page.request, baseURL!);
    const bodies = await renderedBodies(page.request, id);
    const nonce = "xsstestnonce0001";
    const head = `${await appCspMeta(page.request, nonce)}${listenForViolations(nonce)}`;
    const w = watch(page);
    await page.goto("about:blank");
    await page.setContent(blankPage(bodies, head), { waitUntil: "load" });
    w.start();
    await expectTrapInstalled(page);
    await poke(page, "main");
    await expectInert(page, "main", "about:blank", w.navigations, w.popups, w.dialogs);
    expect(pageErrors).toEqual([]);
  });

  test("the topic page /discussions/t/:id shows the corpus and runs nothing", async ({ page, baseURL, pageErrors }) => {
    const { id } = await postHostileTopic(page.request, baseURL!);
    const probe = await page.request.get(`/discussions/t/${id}`);
    test.skip(probe.status() === 404, "the topic page /discussions/t/:id is not built yet (the blank-page tests above cover the HTML)");
    expect(probe.status()).toBe(200);
    const w = watch(page);
    const url = `${baseURL}/discussions/t/${id}`;
    await page.goto(url, { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1, name: /Corpus XSS/ })).toBeVisible();
    w.start();
    expect(await page.locator(".markdown-body").count(), "the topic and its replies are shown").toBeGreaterThanOrEqual(20);
    await poke(page, ".markdown-body");
    await expectInert(page, ".markdown-body", url, w.navigations, w.popups, w.dialogs);
    // Only the app's own scripts, all carrying the page's nonce.
    const strayScripts = await page.evaluate(() => [...document.querySelectorAll("script")].filter((s) => !s.nonce && !s.src.includes("/assets/")).map((s) => s.outerHTML.slice(0, 120)));
    expect(strayScripts).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("the composer's preview of the corpus runs nothing", async ({ page, baseURL, pageErrors }) => {
    const { id } = await postHostileTopic(page.request, baseURL!);
    const probe = await page.request.get(`/discussions/t/${id}`);
    test.skip(probe.status() === 404, "the topic page /discussions/t/:id is not built yet");
    const url = `${baseURL}/discussions/t/${id}`;
    await page.goto(url, { waitUntil: "load" });
    // The first visible markdown editor (the reply form); its preview tab appears once the page is hydrated.
    await page.locator(".markdown-editor textarea:visible").first().waitFor();
    const index = await page.locator(".markdown-editor").evaluateAll((els) => els.findIndex((el) => (el.querySelector("textarea") as HTMLElement | null)?.offsetParent != null));
    const editor = page.locator(".markdown-editor").nth(index);
    const previewTab = editor.getByRole("tab", { name: /^(aperçu|preview)$/i });
    await previewTab.waitFor({ timeout: 10_000 }).catch(() => undefined);
    test.skip((await previewTab.count()) === 0, "the topic page has no composer with a preview tab yet");
    const w = watch(page);
    w.start();
    await editor.locator("textarea").fill(xssCorpusDocument);
    await previewTab.click();
    const preview = editor.locator(".editor-preview .markdown-body");
    await expect(preview).toBeVisible();
    await expect(preview).toContainText("click me");
    await poke(page, ".editor-preview .markdown-body");
    await expectInert(page, ".editor-preview .markdown-body", url, w.navigations, w.popups, w.dialogs);
    expect(await preview.locator("a, img").count(), "the preview shows the neutralised links and images").toBeGreaterThan(20);
    expect(pageErrors).toEqual([]);
  });
});
