import { expect, expectAccessible, expectNoSidewaysScroll, signIn, test } from "./fixtures";

test.describe("signing in and out", () => {
  test("a trainer signs in, sees the areas, and signs out", async ({ page, pageErrors }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Digital Compass");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Se connecter" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
    await signIn(page, "trainer.paris@demo.compass");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Camille");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    for (const area of ["Discussions", "Études de cas", "Chat", "Mobilité", "Centres"]) {
      await expect(nav.getByRole("link", { name: area })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Modération" })).toHaveCount(0);
    await expectAccessible(page);
    // A draft typed on a shared computer does not outlive the session.
    await page.goto("/discussions/new");
    await expect(page.getByRole("tab", { name: "Aperçu" })).toBeVisible();
    await page.getByRole("textbox", { name: "Votre message" }).fill("Un brouillon personnel sur un ordinateur partagé.");
    await page.getByLabel("Titre").focus();
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem("dc-draft:topic:new"))).toContain("brouillon personnel");
    await page.evaluate(() => window.localStorage.setItem("unrelated", "kept"));
    await page.locator(".account-menu summary").click();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
    const left = await page.evaluate(() => Object.keys(window.localStorage));
    expect(left.filter((key) => key.startsWith("dc-draft:"))).toEqual([]);
    expect(left).toContain("unrelated");
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/);
    expect(pageErrors).toEqual([]);
  });

  test("a wrong password says so next to the form, in French, and keeps the e-mail", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Adresse e-mail").fill("lead@demo.compass");
    await page.getByLabel("Mot de passe", { exact: true }).fill("wrong password here");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect");
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("lead@demo.compass");
  });

  test("the sign-in form works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", baseURL: test.info().project.use.baseURL });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Adresse e-mail").fill("lead@demo.compass");
    await page.getByLabel("Mot de passe", { exact: true }).fill("compass-demo-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Karim");
    await expect(page.getByRole("link", { name: "Modération" })).toBeVisible();
    await context.close();
  });
});

test.describe("language", () => {
  test("the switcher turns the interface to English and back, and remembers it", async ({ page }) => {
    await page.goto("/centres");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/centres$/);
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
  });

  test("an English browser gets English on the first visit", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB", baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await context.close();
  });
});

test.describe("phones", () => {
  test.use({ viewport: { width: 375, height: 800 } });
  test("pages fit a 375 px screen", async ({ page }) => {
    for (const path of ["/", "/login", "/centres"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
    await signIn(page, "admin@demo.compass");
    for (const path of ["/", "/settings", "/centres/becode-brussels"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  });
});

test("unknown pages answer a helpful 404 in the reader's language", async ({ page }) => {
  const res = await page.goto("/nowhere-to-be-found");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("link", { name: "Retour à l’accueil" })).toBeVisible();
  await expectAccessible(page);
});

test("a trainer who opens the moderation area is told it is not for their role", async ({ page }) => {
  await signIn(page, "trainer.lyon@demo.compass");
  const res = await page.goto("/moderation");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
});
