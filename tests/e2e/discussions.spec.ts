import type { APIRequestContext, APIResponse, Browser, BrowserContext, Page, WebSocket } from "@playwright/test";
import { expect, expectAccessible, expectNoSidewaysScroll, signIn, test } from "./fixtures";

/**
 * Discussions, end to end: Camille (Simplon Paris) asks, Hélène (Simplon Lyon) answers, each in her own browser.
 * Both read the platform in French (their own setting), like the browser.
 */

const camille = { email: "trainer.paris@demo.compass", name: "Camille Martin", handle: "camille.martin" };
const helene = { email: "trainer.lyon@demo.compass", name: "Hélène Rousseau", handle: "helene.rousseau" };

/** A seeded topic with replies and an accepted answer (db/seed/discussions-data.ts, topic 1). */
const seededTitle = "Un apprenant décroche en semaine 6 : comment le raccrocher sans le braquer ?";

const stamp = () => Date.now().toString(36);

/** JavaScript errors of a page other than the fixture's `page` (which the `pageErrors` fixture watches). */
function watchErrors(page: Page, errors: string[]) {
  page.on("pageerror", (error) => errors.push(`${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
}

/** Another person in their own browser, signed in. */
async function person(browser: Browser, baseURL: string, email: string, errors: string[], options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ locale: "fr-FR", baseURL, ...options });
  const page = await context.newPage();
  watchErrors(page, errors);
  await signIn(page, email);
  return { context, page };
}

/** Resolves once the page's notification socket is connected (Socket.IO's CONNECT answer), so that pushes reach it. */
function socketConnected(page: Page, timeout = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the notification socket did not connect")), timeout);
    const onSocket = (ws: WebSocket) => {
      if (!ws.url().includes("/socket.io/")) return;
      ws.on("framereceived", (frame) => {
        if (typeof frame.payload === "string" && frame.payload.startsWith("40")) {
          clearTimeout(timer);
          page.off("websocket", onSocket);
          resolve();
        }
      });
    };
    page.on("websocket", onSocket);
  });
}

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications, / });
const bellName = (count: number) => (count === 0 ? "Notifications, rien de nouveau" : `Notifications, ${count} non lue${count > 1 ? "s" : ""}`);
async function unreadInBell(page: Page): Promise<number> {
  const text = (await bell(page).locator(".sr-only").textContent()) ?? "";
  return Number(/(\d+) non lue/.exec(text)?.[1] ?? 0);
}

/** The post `id` itself (its article), not the replies nested under it. */
const postArticle = (page: Page, id: string) => page.locator(`#post-${id} > article`);
const postIdIn = (url: string) => {
  const match = /[?&]post=(\d+)#post-(\d+)$/.exec(url);
  expect(match, `a permalink to the new post, got ${url}`).not.toBeNull();
  expect(match![1]).toBe(match![2]);
  return match![1];
};
const topicIdIn = (url: string) => {
  const match = /\/discussions\/t\/(\d+)$/.exec(new URL(url).pathname);
  expect(match, `a topic page, got ${url}`).not.toBeNull();
  return match![1];
};

/** Opens the reply form of a post ("Répondre": a link to `?reply=<id>`, or a disclosure). */
async function openReplyForm(page: Page, postId: string, authorName: string) {
  const article = postArticle(page, postId);
  await article.getByRole("link", { name: "Répondre", exact: true }).or(article.locator("summary", { hasText: /^Répondre$/ })).click();
  const field = article.getByRole("textbox", { name: `Votre réponse à ${authorName}` });
  await expect(field).toBeVisible();
  return field;
}

async function replyTo(page: Page, postId: string, authorName: string, body: string): Promise<string> {
  const article = postArticle(page, postId);
  await openReplyForm(page, postId, authorName);
  await article.getByRole("textbox", { name: `Votre réponse à ${authorName}` }).fill(body);
  await article.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(page).toHaveURL(/[?&]post=\d+#post-\d+$/);
  const id = postIdIn(page.url());
  expect(id).not.toBe(postId);
  return id;
}

/** Topic, replies, a reaction and an accepted answer through the API (for the pages' checks that are not the journey). */
async function seedThread(camilleApi: APIRequestContext, heleneApi: APIRequestContext, baseURL: string, title: string) {
  const headers = { origin: baseURL };
  const ok = async (res: APIResponse, status: number) => {
    expect(res.status(), await res.text()).toBe(status);
    return res.json();
  };
  const { topic } = await ok(
    await camilleApi.post("/api/v1/topics", {
      headers,
      data: {
        categoryId: "classroom-situations",
        title,
        body: `Bonjour, une apprenante décroche depuis deux semaines : elle ne rend plus ses briefs et coupe sa caméra.\n\n@${helene.handle}, tu as vécu ça à Lyon : qu'en penses-tu ? Les ressources que j'ai trouvées : https://www.example.org/ressources/pedagogie/accompagnement-des-apprenantes-en-difficulte-en-milieu-de-formation`,
        tags: ["dropout-risk", "mid-programme"],
        language: "fr",
      },
    }),
    201,
  );
  const { post: answer } = await ok(
    await heleneApi.post(`/api/v1/topics/${topic.id}/posts`, {
      headers,
      data: { body: "Propose-lui un entretien individuel en fin de journée, sans enjeu, et implique tôt la chargée d'insertion.", parentId: null },
    }),
    201,
  );
  const { post: thanks } = await ok(
    await camilleApi.post(`/api/v1/topics/${topic.id}/posts`, { headers, data: { body: "Merci Hélène, je tente l'entretien demain.", parentId: answer.id } }),
    201,
  );
  await ok(await camilleApi.put(`/api/v1/posts/${answer.id}/reactions/helpful`, { headers }), 200);
  await ok(await camilleApi.post(`/api/v1/topics/${topic.id}/accept`, { headers, data: { postId: answer.id } }), 200);
  return { topicId: String(topic.id), answerId: String(answer.id), thanksId: String(thanks.id) };
}

test.describe("discussions, end to end", () => {
  test("Camille asks with a mention, Hélène is told live, answers, and her reply is marked helpful and accepted; search finds the topic", async ({
    page,
    browser,
    baseURL,
    pageErrors,
  }) => {
    test.setTimeout(150_000);
    const title = `Une apprenante décroche en plein projet final (${stamp()})`;
    const heleneErrors: string[] = [];

    // Hélène is somewhere in the app, with her live notifications connected.
    const her = await person(browser, baseURL!, helene.email, heleneErrors);
    const hp = her.page;
    const heleneLive = socketConnected(hp);
    await hp.goto("/discussions");
    await expect(hp.getByRole("heading", { level: 1 })).toHaveText("Discussions");
    await heleneLive;
    const before = await unreadInBell(hp);
    await expect(bell(hp)).toHaveAccessibleName(bellName(before));
    await hp.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // Camille asks through the new-topic form.
    await signIn(page, camille.email);
    const camilleLive = socketConnected(page);
    await page.goto("/discussions");
    await camilleLive;
    await page.getByRole("link", { name: "Nouveau sujet" }).click();
    await expect(page).toHaveURL(/\/discussions\/new$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Poser une question");
    await page.getByLabel("Catégorie").selectOption({ label: "Situations de classe" });
    await page.getByLabel("Titre").fill(title);
    const body = page.getByRole("textbox", { name: "Votre message" });
    // The editor's extras (preview tab, mention suggestions) come with hydration.
    await expect(page.getByRole("tab", { name: "Aperçu" })).toBeVisible();
    await body.fill("Bonjour, une apprenante décroche depuis deux semaines : elle ne rend plus ses briefs et coupe sa caméra.\n\n");
    await body.pressSequentially("@hel", { delay: 40 });
    const suggestions = page.getByRole("listbox", { name: "Personnes à mentionner" });
    await expect(suggestions).toBeVisible();
    await suggestions.getByRole("option", { name: new RegExp(`${helene.name}.*@${helene.handle.replace(".", "\\.")}`) }).click();
    await expect(suggestions).toBeHidden();
    await expect(body).toHaveValue(new RegExp(`@${helene.handle.replace(".", "\\.")} $`));
    await body.pressSequentially("tu as vécu ça à Lyon : qu'en penses-tu ?");
    await page.getByRole("checkbox", { name: "Risque de décrochage" }).check();
    await page.getByLabel("Langue du sujet").selectOption("fr");
    await page.getByRole("button", { name: "Publier le sujet" }).click();

    await expect(page).toHaveURL(/\/discussions\/t\/\d+$/);
    const topicId = topicIdIn(page.url());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const question = page.getByRole("article", { name: `Sujet ouvert par ${camille.name}` });
    await expect(question).toContainText("une apprenante décroche depuis deux semaines");
    await expect(question.getByRole("link", { name: `@${helene.handle}` })).toHaveAttribute("href", `/people/${helene.handle}`);
    await expect(question.getByRole("list", { name: "Étiquettes du sujet" })).toContainText("Risque de décrochage");
    await expect(page.getByRole("heading", { level: 2, name: "0 réponse" })).toBeVisible();
    const camilleBefore = await unreadInBell(page);

    // Hélène's bell counts it and says it, without a reload.
    await expect(bell(hp)).toHaveAccessibleName(bellName(before + 1));
    await expect(hp.getByRole("status").filter({ hasText: "Nouvelle notification" })).toHaveText(
      `Nouvelle notification : ${camille.name} vous a mentionné·e dans « ${title} »`,
    );
    expect(await hp.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // She opens it from the notifications page.
    await bell(hp).click();
    await expect(hp).toHaveURL(/\/notifications$/);
    const mention = hp.getByRole("link", { name: `${camille.name} vous a mentionné·e dans « ${title} »` });
    await expect(mention).toBeVisible();
    await mention.click();
    await expect(hp).toHaveURL(new RegExp(`/discussions/t/${topicId}$`));
    await expect(hp.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(bell(hp)).toHaveAccessibleName(bellName(before));

    // She answers.
    await hp
      .getByRole("textbox", { name: "Votre réponse", exact: true })
      .fill("Propose-lui un entretien individuel en fin de journée, sans enjeu : demande-lui ce qui a changé depuis la semaine 3. Chez nous, impliquer tôt la chargée d'insertion a tout changé.");
    await hp.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(hp).toHaveURL(/[?&]post=\d+#post-\d+$/);
    const answerId = postIdIn(hp.url());
    await expect(postArticle(hp, answerId)).toHaveAccessibleName(`Réponse de ${helene.name}`);
    await expect(postArticle(hp, answerId)).toContainText("Propose-lui un entretien individuel");

    // Camille is told live too, and replies to Hélène's reply: it is nested under it.
    await expect(bell(page)).toHaveAccessibleName(bellName(camilleBefore + 1));
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "1 réponse" })).toBeVisible();
    const thanksId = await replyTo(page, answerId, helene.name, "Merci Hélène, je tente l'entretien demain et je vous tiens au courant.");
    const answerItem = page.locator(`#post-${answerId}`);
    const nested = answerItem.getByRole("article", { name: `Réponse de ${camille.name}` });
    await expect(nested).toContainText("je tente l'entretien demain");
    await expect(page.locator(`#post-${answerId} > details.branch #post-${thanksId}`)).toBeVisible();
    await expect(page.locator(`.replies > .post-tree > #post-${thanksId}`)).toHaveCount(0);
    await expect(bell(hp)).toHaveAccessibleName(bellName(before + 1));

    // Camille finds it helpful…
    const answer = postArticle(page, answerId);
    const helpful = answer.getByRole("button", { name: /^Utile/ });
    await expect(helpful).toHaveAttribute("aria-pressed", "false");
    await helpful.click();
    await expect(helpful).toHaveAttribute("aria-pressed", "true");
    await expect(helpful).toContainText("Utile 1");
    await expect(answer.getByRole("button", { name: /^Merci/ })).toHaveAttribute("aria-pressed", "false");
    // The replies' text came with the page only (not in its data): it stays after the page is hydrated and its data
    // reloaded by the reaction.
    await expect(answer).toContainText("impliquer tôt la chargée d'insertion a tout changé");
    await expect(page.locator("#topic-body")).not.toBeEmpty();

    // …and accepts it as the solution: it then shows at the top of the topic.
    await answer.getByRole("button", { name: "Marquer comme solution" }).click();
    const solution = page.getByRole("region", { name: "Solution retenue" });
    await expect(solution).toBeVisible();
    await expect(solution).toContainText(helene.name);
    await expect(solution).toContainText("Propose-lui un entretien individuel en fin de journée");
    await expect(solution.getByRole("link", { name: "Voir cette réponse dans la discussion" })).toHaveAttribute(
      "href",
      `/discussions/t/${topicId}?post=${answerId}#post-${answerId}`,
    );
    const solutionBox = (await solution.boundingBox())!;
    const repliesBox = (await page.getByRole("heading", { level: 2, name: "2 réponses" }).boundingBox())!;
    expect(solutionBox.y, "the accepted answer comes before the replies").toBeLessThan(repliesBox.y);
    await expect(question).toContainText("Résolu");
    await expect(answer).toContainText("Solution");
    await expect(answer.getByRole("button", { name: "Ce n’est plus la solution" })).toBeVisible();
    await expect(helpful).toHaveAttribute("aria-pressed", "true");
    await expect(helpful).toContainText("Utile 1");

    // Hélène is told her answer was accepted.
    await expect(bell(hp)).toHaveAccessibleName(bellName(before + 2));
    await expect(hp.getByRole("status").filter({ hasText: "Nouvelle notification" })).toHaveText(
      `Nouvelle notification : ${camille.name} a retenu votre réponse comme solution dans « ${title} »`,
    );
    await bell(hp).click();
    await expect(hp).toHaveURL(/\/notifications$/);
    await expect(hp.getByRole("link", { name: `${camille.name} vous a répondu dans « ${title} »` })).toBeVisible();
    await hp.getByRole("link", { name: `${camille.name} a retenu votre réponse comme solution dans « ${title} »` }).click();
    await expect(hp).toHaveURL(new RegExp(`/discussions/t/${topicId}\\?post=${answerId}#post-${answerId}$`));
    await expect(hp.getByRole("region", { name: "Solution retenue" })).toContainText(helene.name);

    // Search, from the header, with a plural and without accents, finds the topic and highlights the words.
    const box = hp.getByRole("search", { name: "Rechercher dans Digital Compass" }).getByRole("searchbox");
    await box.fill("apprenantes decroche");
    await box.press("Enter");
    await expect(hp).toHaveURL(/\/search\?q=apprenantes\+decroche$/);
    await expect(hp.getByRole("heading", { level: 2, name: "Résultats pour « apprenantes decroche »" })).toBeVisible();
    const hit = hp
      .getByRole("list", { name: "Résultats de la recherche" })
      .getByRole("listitem")
      .filter({ has: hp.getByRole("link", { name: title, exact: true }) });
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText("Sujet");
    const marks = hit.locator(".search-snippet mark");
    await expect(marks.first()).toBeVisible();
    expect((await marks.allTextContents()).map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(["apprenante", "décroche"]));
    await hit.getByRole("link", { name: title, exact: true }).click();
    await expect(hp).toHaveURL(new RegExp(`/discussions/t/${topicId}$`));

    await her.context.close();
    expect(heleneErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("a reply to a reply uses the markdown editor: preview, a draft kept for that post only, then nested once sent", async ({ page, browser, baseURL, pageErrors }) => {
    test.setTimeout(90_000);
    const errors: string[] = [];
    const title = `Une apprenante décroche : répondre à une réponse (${stamp()})`;
    await signIn(page, camille.email);
    const her = await person(browser, baseURL!, helene.email, errors);
    const { topicId, answerId, thanksId } = await seedThread(page.request, her.page.request, baseURL!, title);
    await her.context.close();

    await page.goto(`/discussions/t/${topicId}`);
    // The topic's own editor is hydrated (its preview tab shows) before a post's form is opened.
    await expect(page.locator("#reply").getByRole("tab", { name: "Aperçu" })).toBeVisible();
    const field = await openReplyForm(page, thanksId, camille.name);
    await expect(page).toHaveURL(new RegExp(`\\?reply=${thanksId}#reply-${thanksId}$`));
    await expect(field).toBeFocused();
    const thanks = postArticle(page, thanksId);
    await field.fill("Petit **retour** : l'entretien a eu lieu, elle revient lundi.");
    // The draft is kept under this post's own key, not the topic's.
    await expect
      .poll(() => page.evaluate(([t, p]) => window.localStorage.getItem(`dc-draft:reply:${t}:${p}`), [topicId, thanksId]))
      .toBe("Petit **retour** : l'entretien a eu lieu, elle revient lundi.");
    expect(await page.evaluate((t) => window.localStorage.getItem(`dc-draft:reply:${t}`), topicId)).toBeNull();

    // A reload brings the draft back into this post's form.
    await page.reload();
    const again = thanks.getByRole("textbox", { name: `Votre réponse à ${camille.name}` });
    await expect(again).toHaveValue("Petit **retour** : l'entretien a eu lieu, elle revient lundi.");
    await expect(thanks.getByRole("status").filter({ hasText: /brouillon/i })).toBeVisible();

    // The preview shows the rendered text.
    await thanks.getByRole("tab", { name: "Aperçu" }).click();
    const preview = thanks.getByRole("tabpanel", { name: "Aperçu" });
    await expect(preview.locator("strong")).toHaveText("retour");
    await expect(again).toBeHidden();
    await expectAccessible(page);
    await thanks.getByRole("tab", { name: "Écrire" }).click();
    await expect(again).toBeVisible();

    await thanks.getByRole("button", { name: "Envoyer la réponse" }).click();
    await expect(page).toHaveURL(/[?&]post=\d+#post-\d+$/);
    const sentId = postIdIn(page.url());
    await expect(page.locator(`#post-${answerId} #post-${thanksId} > details.branch #post-${sentId}`)).toBeVisible();
    await expect(postArticle(page, sentId).locator("strong")).toHaveText("retour");
    expect(await page.evaluate(([t, p]) => window.localStorage.getItem(`dc-draft:reply:${t}:${p}`), [topicId, thanksId])).toBeNull();
    expect(errors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("without JavaScript: a topic, a reply and a reply to that reply go through plain forms, the last one nested", async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const errors: string[] = [];
    const title = `Une apprenante décroche, sans JavaScript (${stamp()})`;
    const her = await person(browser, baseURL!, helene.email, errors, { javaScriptEnabled: false });
    const me = await person(browser, baseURL!, camille.email, errors, { javaScriptEnabled: false });
    const cp = me.page;
    const hp = her.page;

    await cp.goto("/discussions");
    await cp.getByRole("link", { name: "Nouveau sujet" }).click();
    await expect(cp.getByRole("heading", { level: 1 })).toHaveText("Poser une question");
    await expect(cp.getByRole("tab", { name: "Aperçu" })).toHaveCount(0);
    await cp.getByLabel("Catégorie").selectOption({ label: "Situations de classe" });
    await cp.getByLabel("Titre").fill(title);
    await cp.getByRole("textbox", { name: "Votre message" }).fill(`Une apprenante décroche depuis deux semaines. @${helene.handle}, une idée ?`);
    await cp.getByRole("checkbox", { name: "Risque de décrochage" }).check();
    await cp.getByLabel("Langue du sujet").selectOption("fr");
    await cp.getByRole("button", { name: "Publier le sujet" }).click();
    await expect(cp).toHaveURL(/\/discussions\/t\/\d+$/);
    const topicId = topicIdIn(cp.url());
    await expect(cp.getByRole("heading", { level: 1 })).toHaveText(title);

    await hp.goto(`/discussions/t/${topicId}`);
    await hp.getByRole("textbox", { name: "Votre réponse", exact: true }).fill("Un entretien individuel, sans enjeu, en fin de journée.");
    await hp.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(hp).toHaveURL(/[?&]post=\d+#post-\d+$/);
    const answerId = postIdIn(hp.url());
    await expect(postArticle(hp, answerId)).toContainText("Un entretien individuel");

    await cp.goto(`/discussions/t/${topicId}`);
    const thanksId = await replyTo(cp, answerId, helene.name, "Merci, je tente ça demain.");
    await expect(cp.locator(`#post-${answerId}`).getByRole("article", { name: `Réponse de ${camille.name}` })).toContainText("Merci, je tente ça demain.");
    await expect(cp.locator(`#post-${answerId} > details.branch #post-${thanksId}`)).toBeVisible();
    await expect(cp.getByRole("heading", { level: 2, name: "2 réponses" })).toBeVisible();

    await her.context.close();
    await me.context.close();
    expect(errors).toEqual([]);
  });

  test("the list, new-topic, topic, notifications and search pages pass axe", async ({ page, browser, baseURL, pageErrors }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    const title = `Une apprenante décroche : vérification d'accessibilité (${stamp()})`;
    await signIn(page, camille.email);
    const her = await person(browser, baseURL!, helene.email, errors);
    const { topicId, answerId } = await seedThread(page.request, her.page.request, baseURL!, title);

    await page.goto("/discussions");
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    // The excerpt came with the page only: still there once the page is hydrated.
    await page.waitForLoadState("networkidle");
    await expect(page.locator(`#topic-excerpt-${topicId}`)).toContainText("une apprenante décroche depuis deux semaines");
    await expectAccessible(page);

    await page.goto("/discussions/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Poser une question");
    await expectAccessible(page);
    // With the mention suggestions open,
    await expect(page.getByRole("tab", { name: "Aperçu" })).toBeVisible();
    await page.getByRole("textbox", { name: "Votre message" }).pressSequentially("Bonjour @hel", { delay: 40 });
    await expect(page.getByRole("listbox", { name: "Personnes à mentionner" })).toBeVisible();
    await expectAccessible(page);
    // and with the errors of an incomplete form (in a page of its own: the 422 answer is a console message there).
    const refused = await page.context().newPage();
    await refused.goto("/discussions/new");
    await refused.getByRole("button", { name: "Publier le sujet" }).click();
    await expect(refused.getByRole("alert")).toContainText("Le formulaire contient des erreurs");
    await expectAccessible(refused);
    await refused.close();

    await page.goto(`/discussions/t/${topicId}`);
    await expect(page.getByRole("region", { name: "Solution retenue" })).toBeVisible();
    await expectAccessible(page);
    await openReplyForm(page, answerId, helene.name);
    await expectAccessible(page);

    await page.goto("/search?q=apprenantes+decroche");
    await expect(page.getByRole("list", { name: "Résultats de la recherche" }).getByRole("link", { name: title, exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/search?q=zzqxwv");
    await expect(page.getByRole("heading", { level: 2, name: "Aucun résultat pour « zzqxwv »" })).toBeVisible();
    await expectAccessible(page);

    const hp = her.page;
    await hp.goto("/notifications");
    await expect(hp.getByRole("link", { name: `${camille.name} vous a mentionné·e dans « ${title} »` })).toBeVisible();
    await expect(hp.getByRole("link", { name: `${camille.name} a retenu votre réponse comme solution dans « ${title} »` })).toBeVisible();
    await expectAccessible(hp);

    await her.context.close();
    expect(errors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test.describe("on a 375 px phone", () => {
    test.use({ viewport: { width: 375, height: 800 } });

    test("the topic page does not scroll sideways", async ({ page, browser, baseURL, pageErrors }) => {
      const errors: string[] = [];
      const title = `Une apprenante décroche : sur téléphone (${stamp()})`;
      await signIn(page, camille.email);
      const her = await person(browser, baseURL!, helene.email, errors);
      const { topicId, answerId, thanksId } = await seedThread(page.request, her.page.request, baseURL!, title);
      await her.context.close();

      await page.goto(`/discussions/t/${topicId}`);
      await expect(page.getByRole("region", { name: "Solution retenue" })).toBeVisible();
      await expect(page.locator(`#post-${thanksId}`)).toBeVisible();
      await expectNoSidewaysScroll(page);
      // The deepest reply's own reply box, open.
      await openReplyForm(page, thanksId, camille.name);
      await expectNoSidewaysScroll(page);
      await page.goto(`/discussions/t/${topicId}?post=${answerId}#post-${answerId}`);
      await expectNoSidewaysScroll(page);
      expect(errors).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });

  test("the first visit to a topic page weighs under 150 KB on the wire (documents, scripts, styles)", async ({ browser, baseURL }) => {
    // Signed in elsewhere; the measured browser starts with an empty cache and only the session cookie.
    const warm: BrowserContext = await browser.newContext({ locale: "fr-FR", baseURL });
    const wp = await warm.newPage();
    await signIn(wp, camille.email);
    await wp.goto("/discussions");
    const href = await wp.getByRole("heading", { level: 2, name: seededTitle }).getByRole("link").getAttribute("href");
    expect(href).toMatch(/^\/discussions\/t\/\d+$/);
    const storageState = await warm.storageState();
    await warm.close();

    const cold = await browser.newContext({ locale: "fr-FR", baseURL, storageState });
    const page = await cold.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    const measured: Promise<{ type: string; url: string; bytes: number }>[] = [];
    page.on("response", (response) => {
      const type = response.request().resourceType();
      if (!["document", "script", "stylesheet"].includes(type)) return;
      measured.push(
        response
          .request()
          .sizes()
          .then((sizes) => ({ type, url: new URL(response.url()).pathname, bytes: sizes.responseBodySize })),
      );
    });
    await page.goto(href!, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seededTitle);
    await expect(page.getByRole("region", { name: "Solution retenue" })).toBeVisible();
    const items = await Promise.all(measured);
    const total = items.reduce((sum, item) => sum + item.bytes, 0);
    const detail = items.map((i) => `${i.type} ${i.url} ${i.bytes}`).join("\n");
    test.info().annotations.push({ type: "bytes on the wire", description: `${total} (${items.length} responses)` });
    expect(items.filter((i) => i.type === "document")).toHaveLength(1);
    expect(items.some((i) => i.type === "script"), "the page is hydrated with scripts").toBe(true);
    expect(total, `bytes on the wire:\n${detail}`).toBeLessThan(150_000);
    await cold.close();
    expect(errors).toEqual([]);
  });
});

