import { createContext, useContext, useState, type HTMLAttributes } from "react";

/**
 * Rendered Markdown is sent once. On a document request a loader hands each block of HTML to the page being rendered
 * (`htmlOnce` returns null for the hydration data); the browser's first render reads it back from the page itself.
 * A data request (client navigation, revalidation) carries the HTML in its data, as usual.
 */
export type PageHtml = Map<string, string>;

export const PageHtmlContext = createContext<PageHtml | null>(null);

/** What a loader puts in its data for a block of HTML shown under `id`. */
export function htmlOnce(pageHtml: PageHtml | null | undefined, id: string, html: string): string | null {
  if (!pageHtml) return html;
  pageHtml.set(id, html);
  return null;
}

/** What the browser read back from the server's page, by id: a block that mounts again later finds it here. */
const readBack = new Map<string, string>();

function serverHtml(id: string): string {
  let html = readBack.get(id);
  if (html === undefined) {
    html = typeof document === "undefined" ? "" : (document.getElementById(id)?.innerHTML ?? "");
    readBack.set(id, html);
  }
  return html;
}

/** A block of sanitised HTML from a loader: the data's copy when it has one, else the page's own. */
export function HtmlBlock({ id, html, ...rest }: { id: string; html: string | null } & Omit<HTMLAttributes<HTMLDivElement>, "dangerouslySetInnerHTML" | "id">) {
  const pageHtml = useContext(PageHtmlContext);
  const [fromPage] = useState(() => (html === null ? (pageHtml?.get(id) ?? serverHtml(id)) : ""));
  return <div id={id} {...rest} dangerouslySetInnerHTML={{ __html: html ?? fromPage }} />;
}
