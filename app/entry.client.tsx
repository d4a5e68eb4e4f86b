import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerCatalogues } from "./i18n";
import { LocaleContext } from "./i18n/react";

const locale = document.documentElement.lang === "en" ? "en" : "fr";

/** Only the page's own language is downloaded (each catalogue is its own chunk), then the page hydrates. */
const loadCatalogue =
  locale === "en"
    ? import("./i18n/messages/en").then((m) => registerCatalogues({ en: m.en }))
    : import("./i18n/messages/fr").then((m) => registerCatalogues({ fr: m.fr }));

void loadCatalogue.then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <LocaleContext.Provider value={locale}>
          <RemixBrowser />
        </LocaleContext.Provider>
      </StrictMode>,
    );
  }),
);
