import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectNoSidewaysScroll, signIn, test } from "./fixtures";

/**
 * Case studies, end to end: Pablo (Factoria F5 Valencia, reads in English) writes an anonymous case through the form;
 * Hélène, a peer, reads it without ever seeing who wrote it; Karim, a lead, reveals the author with a reason and finds
 * the reveal in the moderation log. Pablo has nothing else on the platform, so his name anywhere would be a leak.
 */

const pablo = { email: "pablo.navarro@demo.compass", name: "Pablo Navarro", handle: "pablo.navarro" };
const helene = { email: "trainer.lyon@demo.compass" };
const karim = { email: "lead@demo.compass" };

const stamp = () => Date.now().toString(36);

/** JavaScript errors of a page; a form answered with 422 (what these tests post on purpose) is not one. */
function watchErrors(page: Page, errors: string[]) {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/status of 422/.test(msg.text())) errors.push(msg.text());
  });
}

async function person(browser: Browser, baseURL: string, email: string, errors: string[], viewport?: { width: number; height: number }) {
  const context = await browser.newContext({ locale: "fr-FR", baseURL, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  watchErrors(page, errors);
  await signIn(page, email);
  return { context, page };
}

async function writeAnonymousCase(page: Page, title: string) {
  await page.goto("/cases");
  await page.getByRole("link", { name: "Share a case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share a case" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel(/^Programme/).selectOption("web-developer");
  await page.getByLabel(/^Week of the programme/).fill("3");
  await page.getByLabel(/^Learner profile/).selectOption("career-changers");
  await page.getByRole("textbox", { name: "The situation", exact: true }).fill("A learner stopped coming after a group project went badly. The group had split the work unevenly.");
  await page.getByRole("textbox", { name: /^What was tried/ }).fill("A short message, then a call, then a new split of the tasks.");
  await page.getByRole("checkbox", { name: "Dropout risk" }).check();
  await page.getByLabel("Language of the case").selectOption("en");
  await page.getByRole("checkbox", { name: "Publish anonymously" }).check();
  await page.getByRole("checkbox", { name: "No learner or colleague can be identified in this case" }).check();
  await page.getByRole("button", { name: "Publish the case" }).click();
  await page.waitForURL(/\/cases\/\d+$/);
  return new URL(page.url()).pathname;
}

test.describe("case studies, end to end", () => {
  test("an anonymous case: written through the form, read by a peer without its author, revealed by a lead and logged", async ({ browser, baseURL }) => {
    const errors: string[] = [];
    const title = `Group project gone wrong ${stamp()}`;

    const author = await person(browser, baseURL!, pablo.email, errors);
    // Without the confirmation the form says what is missing, next to the box, and keeps the text.
    await author.page.goto("/cases/new");
    await author.page.getByLabel("Title", { exact: true }).fill(title);
    await author.page.getByRole("textbox", { name: "The situation", exact: true }).fill("Something happened.");
    await author.page.getByRole("button", { name: "Publish the case" }).click();
    await expect(author.page.locator("#error-noIdentifiablePeople")).toBeVisible();
    await expect(author.page.getByLabel("Title", { exact: true })).toHaveValue(title);

    const path = await writeAnonymousCase(author.page, title);
    await expect(author.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(author.page.getByText("You shared this case anonymously")).toBeVisible();

    // A peer: the case, in the library and on its page, never with its author.
    const peer = await person(browser, baseURL!, helene.email, errors);
    await peer.page.goto("/cases");
    await peer.page.getByRole("search", { name: "Rechercher dans les cas" }).getByRole("searchbox").fill(title);
    await peer.page.getByRole("button", { name: "Rechercher", exact: true }).last().click();
    await expect(peer.page.getByRole("link", { name: title, exact: true })).toBeVisible();
    await expect(peer.page.locator(".case-row", { hasText: title })).toContainText("Anonyme");
    await peer.page.getByRole("link", { name: title, exact: true }).click();
    await peer.page.waitForURL(`**${path}`);
    await expect(peer.page.getByText("Partagé anonymement")).toBeVisible();
    const peerSource = await peer.page.content();
    expect(peerSource).not.toContain(pablo.name);
    expect(peerSource).not.toContain(pablo.handle);
    expect(await (await peer.page.request.get(path)).text()).not.toContain(pablo.handle);
    // The peer proposes an approach; the author marks it as one that helped.
    await peer.page.getByRole("textbox", { name: "Votre réponse", exact: true }).fill("We rotate roles every sprint, and it helped.");
    await peer.page.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(peer.page.getByText("We rotate roles every sprint, and it helped.")).toBeVisible();
    await author.page.reload();
    await author.page.getByRole("button", { name: "This helped" }).click();
    await expect(author.page.locator("#helped")).toContainText("We rotate roles every sprint");

    // A lead: anonymous too, until a reveal with a reason.
    const lead = await person(browser, baseURL!, karim.email, errors);
    await lead.page.goto(path);
    await expect(lead.page.getByText("Partagé anonymement")).toBeVisible();
    expect(await lead.page.content()).not.toContain(pablo.name);
    const reason = `Safety report ${stamp()}`;
    await lead.page.getByText("Révéler l’identité de l’auteur·rice").click();
    await lead.page.getByLabel("Raison").fill(reason);
    await lead.page.getByRole("button", { name: "Révéler l’identité" }).click();
    await expect(lead.page.getByRole("status").filter({ hasText: "Ce cas a été écrit par" })).toContainText(pablo.name);

    await lead.page.goto("/moderation");
    await lead.page.getByRole("link", { name: "Journal de modération" }).click();
    await lead.page.waitForURL("**/moderation/log");
    const row = lead.page.locator("tr", { hasText: reason });
    await expect(row).toContainText("Révélation d’identité");
    await expect(row).toContainText("Karim Benali");
    await expect(row.getByRole("link", { name: title, exact: true })).toBeVisible();

    // The author is told a reveal happened.
    await author.page.goto("/notifications");
    await expect(author.page.locator("main")).toContainText(title);

    for (const p of [author, peer, lead]) await p.context.close();
    expect(errors).toEqual([]);
  });

  test("the library, the form, a case and the log pass axe", async ({ page, browser, baseURL, pageErrors }) => {
    void pageErrors;
    await signIn(page, karim.email);
    for (const path of ["/cases", "/cases?tag=dropout-risk&language=fr", "/cases/new", "/cases/1", "/cases/1/print", "/moderation/log"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
    // The form with its errors (a 422 answer, in a page of its own).
    const errors: string[] = [];
    const lead = await person(browser, baseURL!, karim.email, errors);
    await lead.page.goto("/cases/new");
    await lead.page.getByRole("button", { name: "Publier le cas" }).click();
    await expect(lead.page.locator("#error-situation")).toBeVisible();
    await expectAccessible(lead.page);
    await lead.context.close();
    expect(errors).toEqual([]);
  });

  test.describe("on a 375 px phone", () => {
    test.use({ viewport: { width: 375, height: 800 } });

    test("the library, the form, a case and the log do not scroll sideways", async ({ page, pageErrors }) => {
      void pageErrors;
      await signIn(page, karim.email);
      for (const path of ["/cases", "/cases/new", "/cases/1", "/cases/2", "/moderation/log"]) {
        await page.goto(path);
        await expectNoSidewaysScroll(page);
      }
      // The facets fold away on a phone and open on demand.
      await page.goto("/cases");
      await page.getByText("Affiner", { exact: true }).click();
      await page.getByRole("checkbox", { name: /Risque de décrochage/ }).check();
      await page.waitForURL(/tag=dropout-risk/);
      await expectNoSidewaysScroll(page);
    });
  });
});
