import type { APIRequestContext, Page, Request } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/**
 * Creating forms with JavaScript: a double click or a second Enter on "Publier" sends the form once, the button says
 * it is on its way meanwhile; after a successful reply the box is empty and its draft gone, after a failure the text
 * stays (and so does its draft).
 */

const camille = { email: "trainer.paris@demo.compass", name: "Camille Martin" };
const stamp = () => Date.now().toString(36);

async function newTopic(request: APIRequestContext, baseURL: string, title: string) {
  const res = await request.post("/api/v1/topics", {
    headers: { origin: baseURL },
    data: { categoryId: "classroom-situations", title, body: "Une apprenante ne rend plus ses briefs.", tags: [], language: "fr" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return String((await res.json()).topic.id);
}

async function replyCount(request: APIRequestContext, topicId: string) {
  const res = await request.get(`/api/v1/topics/${topicId}?limit=100`);
  return Number((await res.json()).topic.replyCount);
}

/** The form posts the page sends to the topic's action, and each answer held back a little: the post is in flight for a while. */
function slowFormPosts(page: Page, topicId: string) {
  const sent: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith(`/discussions/t/${topicId}`)) sent.push(request);
  });
  return page
    .route(`**/discussions/t/${topicId}*`, async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      const response = await route.fetch().catch(() => null);
      if (!response) return route.abort().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.fulfill({ response }).catch(() => undefined);
    })
    .then(() => sent);
}

const draftOf = (page: Page, key: string) => page.evaluate((k) => window.localStorage.getItem(k), key);

test.describe("creating forms, sent once", () => {
  test("a double click on « Publier la réponse » posts one reply; the box is then empty, and stays so with no draft after a reload", async ({ page, baseURL, pageErrors }) => {
    test.setTimeout(60_000);
    await signIn(page, camille.email);
    const topicId = await newTopic(page.request, baseURL!, `Double clic sur Publier (${stamp()})`);
    const sent = await slowFormPosts(page, topicId);
    await page.goto(`/discussions/t/${topicId}`);
    const box = page.locator("#reply");
    await expect(box.getByRole("tab", { name: "Aperçu" })).toBeVisible(); // hydrated
    const field = box.getByRole("textbox", { name: "Votre réponse" });
    const text = `Je l’appellerais dès ce soir (${stamp()}).`;
    await field.fill(text);
    await expect.poll(() => draftOf(page, `dc-draft:reply:${topicId}`)).toBe(text);

    const publish = box.getByRole("button", { name: "Publier la réponse" });
    // A human double click: the second click comes when the first post is already on its way.
    await publish.dblclick({ delay: 60 });
    // On its way: the button says so, and is disabled.
    await expect.soft(box.getByRole("button", { name: "Publication en cours…" })).toHaveAttribute("aria-disabled", "true", { timeout: 500 });

    await expect(page).toHaveURL(new RegExp(`/discussions/t/${topicId}\\?post=\\d+#post-\\d+$`));
    await expect(box.getByRole("button", { name: "Publier la réponse" })).toBeVisible();
    expect(sent).toHaveLength(1);
    expect(await replyCount(page.request, topicId)).toBe(1);
    await expect(page.locator(".post-body", { hasText: text })).toHaveCount(1);
    await expect(field).toHaveValue("");
    expect(await draftOf(page, `dc-draft:reply:${topicId}`)).toBeNull();

    await page.reload();
    await expect(box.getByRole("tab", { name: "Aperçu" })).toBeVisible();
    await expect(field).toHaveValue("");
    expect(await draftOf(page, `dc-draft:reply:${topicId}`)).toBeNull();
    await expect(page.locator(".post-body", { hasText: text })).toHaveCount(1);
    expect(pageErrors).toEqual([]);
  });

  test("Enter pressed twice on « Envoyer la réponse » of a post's reply box posts one reply", async ({ page, baseURL, pageErrors }) => {
    test.setTimeout(60_000);
    await signIn(page, camille.email);
    const topicId = await newTopic(page.request, baseURL!, `Deux fois Entrée (${stamp()})`);
    const first = await page.request.post(`/api/v1/topics/${topicId}/posts`, { headers: { origin: baseURL! }, data: { body: "Une première réponse." } });
    const postId = String((await first.json()).post.id);
    const sent = await slowFormPosts(page, topicId);
    await page.goto(`/discussions/t/${topicId}?reply=${postId}#reply-${postId}`);
    const post = page.locator(`#post-${postId} > article`);
    await expect(post.getByRole("tab", { name: "Aperçu" })).toBeVisible();
    const text = `Merci, j’essaie demain (${stamp()}).`;
    await post.getByRole("textbox", { name: `Votre réponse à ${camille.name}` }).fill(text);
    const send = post.getByRole("button", { name: "Envoyer la réponse" });
    await send.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect.soft(post.getByRole("button", { name: "Envoi en cours…" })).toHaveAttribute("aria-disabled", "true", { timeout: 500 });

    await expect(page).toHaveURL(new RegExp(`/discussions/t/${topicId}\\?post=\\d+#post-\\d+$`));
    await expect(page.locator(".post-body", { hasText: text })).toHaveCount(1);
    expect(sent).toHaveLength(1);
    expect(await replyCount(page.request, topicId)).toBe(2);
    expect(await draftOf(page, `dc-draft:reply:${topicId}:${postId}`)).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  test("after a failed post the text stays in the box, and its draft too", async ({ page, browser, baseURL, pageErrors }) => {
    test.setTimeout(60_000);
    await signIn(page, camille.email);
    const topicId = await newTopic(page.request, baseURL!, `Réponse refusée (${stamp()})`);
    await page.goto(`/discussions/t/${topicId}`);
    const box = page.locator("#reply");
    await expect(box.getByRole("tab", { name: "Aperçu" })).toBeVisible();
    const field = box.getByRole("textbox", { name: "Votre réponse" });
    const text = `Une réponse que le verrou refuse (${stamp()}).`;
    await field.fill(text);

    // Meanwhile a lead locks the topic.
    const leadContext = await browser.newContext({ locale: "fr-FR", baseURL });
    const leadPage = await leadContext.newPage();
    await signIn(leadPage, "lead@demo.compass");
    const locked = await leadPage.request.post("/api/v1/moderation/actions", {
      headers: { origin: baseURL! },
      data: { targetType: "topic", targetId: topicId, action: "lock", reason: "Le temps de relire." },
    });
    expect(locked.status(), await locked.text()).toBe(201);
    await leadContext.close();

    await box.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(page.getByRole("alert")).toContainText("Ce sujet est verrouillé");
    await expect(field).toHaveValue(text);
    await expect.poll(() => draftOf(page, `dc-draft:reply:${topicId}`)).toBe(text);
    expect(await replyCount(page.request, topicId)).toBe(0);
    // A 409 is logged by the browser as a failed resource: that is the answer, not a script error.
    expect(pageErrors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    pageErrors.length = 0;
  });
});
