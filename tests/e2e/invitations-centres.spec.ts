import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a host invites a trainer, who accepts the invitation and lands in the app", async ({ page, browser, pageErrors }) => {
  // Pieter, the Brussels host, reads the platform in English (his own setting wins over the browser's French).
  await signIn(page, "host.brussels@demo.compass");
  await page.goto("/invitations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite someone");
  await expectAccessible(page);
  const email = `new.trainer.${Date.now()}@example.org`;
  await page.getByLabel("The person's e-mail address").fill(email);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  const link = (await page.locator(".secret").first().innerText()).trim();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invitations\/\S+$/);
  await expect(page.getByRole("table")).toContainText(email);
  await expectAccessible(page);

  const newcomer = await browser.newContext({ locale: "fr-FR" });
  const invited = await newcomer.newPage();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Rejoindre Digital Compass");
  await expect(invited.locator("main")).toContainText("BeCode Brussels");
  await expectAccessible(invited);
  await invited.getByLabel("Votre nom").fill("Lotte Janssens");
  await invited.getByLabel("Mot de passe", { exact: true }).fill("short");
  await invited.getByLabel("Confirmez le mot de passe").fill("short");
  await invited.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(invited.locator(".field-error").first()).toContainText("12 caractères");
  await expect(invited.getByLabel("Votre nom")).toHaveValue("Lotte Janssens");
  await invited.getByLabel("Mot de passe", { exact: true }).fill("de fiets staat in de gang");
  await invited.getByLabel("Confirmez le mot de passe").fill("de fiets staat in de gang");
  await invited.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(invited).toHaveURL(/\/settings\?welcome=1/);
  await expect(invited.locator(".account-menu summary")).toContainText("Lotte Janssens");

  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Cette invitation n’est plus valable");
  await newcomer.close();
  expect(pageErrors).toEqual([]);
});

test("the centres directory shows the network and filters it", async ({ page }) => {
  await page.goto("/centres");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les centres du réseau");
  for (const city of ["BeCode Brussels", "Factoria F5 Madrid", "Simplon Bucharest"]) {
    await expect(page.getByRole("link", { name: city, exact: false }).first()).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByLabel("Ville ou nom du centre").fill("liege");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("link", { name: /Liège/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Madrid/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Liège/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Liège");
  await expect(page.getByRole("link", { name: /OpenStreetMap/ })).toBeVisible();
  await expectAccessible(page);
});

test("members see a centre's team and its people's profiles; strangers do not", async ({ page }) => {
  await page.goto("/centres/simplon-paris");
  await expect(page.locator("main")).not.toContainText("Camille Martin");
  await signIn(page, "trainer.bucharest@demo.compass");
  await page.goto("/centres/simplon-paris");
  await page.getByRole("link", { name: "Camille Martin" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Camille Martin");
  await expectAccessible(page);
});
