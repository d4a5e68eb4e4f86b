import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "@remix-run/react";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPage } from "../../app/components/error-page";
import { LocaleContext } from "../../app/i18n/react";

/**
 * The error page (root ErrorBoundary) of every status in the reader's language (issue 10): a title and a sentence of
 * its own for 400, 403, 404, 405, 413, 429 and 500, never the framework's or a library's text (English, for
 * developers) thrown with the response.
 */

async function render(status: number, locale: "fr" | "en", body: unknown = "Some English text for developers", rootData = true) {
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => (rootData ? { locale } : null),
      element: createElement(Outlet),
      ErrorBoundary: ErrorPage,
      children: [
        {
          id: "page",
          path: "page",
          loader: () => {
            throw new Response(typeof body === "string" ? body : JSON.stringify(body), {
              status,
              headers: typeof body === "string" ? {} : { "content-type": "application/json" },
            });
          },
          element: createElement("p", null, "never"),
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/page"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(createElement(LocaleContext.Provider, { value: locale }, createElement(StaticRouterProvider, { router, context, hydrate: false })));
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/[ \n]+/g, " ");
}

const expected: Record<number, { fr: string; en: string }> = {
  400: { fr: "Demande incorrecte", en: "Bad request" },
  403: { fr: "Accès refusé", en: "Access denied" },
  404: { fr: "Page introuvable", en: "Page not found" },
  405: { fr: "Action impossible ici", en: "Not possible here" },
  413: { fr: "Envoi trop volumineux", en: "Too large" },
  429: { fr: "Trop de demandes", en: "Too many requests" },
  500: { fr: "Quelque chose s’est mal passé", en: "Something went wrong" },
};

describe("the error page", () => {
  it.each(Object.keys(expected).map(Number))("says what a %i is in French and in English, without the thrown text", async (status) => {
    const french = await render(status, "fr");
    expect(french).toContain(expected[status].fr);
    expect(french).toContain("Retour à l’accueil");
    expect(french).not.toContain("Some English text");
    const english = await render(status, "en");
    expect(english).toContain(expected[status].en);
    expect(english).toContain("Back to the home page");
    expect(english).not.toContain(expected[status].fr);
  });

  it("speaks the request's language even when the root loader did not run (a 405 answers before loaders)", async () => {
    const english = await render(405, "en", "Error: You made a POST request", false);
    expect(english).toContain("Not possible here");
    expect(english).not.toContain("You made a POST request");
  });

  it("names the parameters of a 400 about the URL and links to the page without them", async () => {
    const html = await render(400, "en", { badParams: [{ param: "sort", message: "The “sort” parameter is not valid: choose recent, helpful or discussed." }], retry: "/cases?tag=git" });
    expect(html).toContain("The “sort” parameter is not valid: choose recent, helpful or discussed.");
    expect(html).toContain("Open the page without this parameter");
  });

  it("any other status says its number and that the request did not go through", async () => {
    expect(await render(418, "fr")).toContain("Erreur 418");
    expect(await render(418, "en")).toContain("Your request did not go through");
  });
});
