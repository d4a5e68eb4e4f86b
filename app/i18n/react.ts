import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useContext } from "react";
import { createTranslator, defaultLocale, isLocale, type Locale, type Translate } from "./index";

/**
 * The request's language when the root loader did not run (a form posted to a page without an action answers 405
 * before any loader): set from the load context on the server (entry.server.tsx) and from `<html lang>` in the
 * browser (entry.client.tsx).
 */
export const LocaleContext = createContext<Locale>(defaultLocale);

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: string }>("root");
  const fallback = useContext(LocaleContext);
  return isLocale(data?.locale) ? data.locale : fallback;
}

export type Ui = {
  t: Translate;
  format: { dateTime: (value: string | Date) => string; date: (value: string | Date) => string };
};
const uiByLocale = new Map<Locale, Ui>();

/**
 * The translator and date formats, made once per language for the whole process: building Intl formatters costs
 * more than rendering a post, and a page renders many components that ask for them.
 */
export function useUi(): Ui {
  const locale = useLocale();
  let ui = uiByLocale.get(locale);
  if (!ui) {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
    ui = {
      t: createTranslator(locale),
      format: { dateTime: (value) => dateTime.format(new Date(value)), date: (value) => date.format(new Date(value)) },
    };
    uiByLocale.set(locale, ui);
  }
  return ui;
}

export const useT = () => useUi().t;
export const useFormatDate = () => useUi().format;
