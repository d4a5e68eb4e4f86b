import { useRouteLoaderData } from "@remix-run/react";
import { createTranslator, isLocale, type Locale, type Translate } from "./index";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: string }>("root");
  return isLocale(data?.locale) ? data.locale : "fr";
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
