import { createContext, useContext, useState, type HTMLAttributes } from "react";

/**
 * Long texts are sent once: rendered Markdown (post and topic bodies) and list excerpts. On a document request a loader
 * hands each of them to the page being rendered (`sentOnce` returns null for the hydration data); the browser's first
 * render reads it back from the page itself. A data request (client navigation, revalidation) carries it in its data,
 * as usual.
 */
export type PageHtml = Map<string, string>;

export const PageHtmlContext = createContext<PageHtml | null>(null);

/** What a loader puts in its data for a block of HTML or text shown under `id` (`HtmlBlock`, `TextBlock`). */
export function sentOnce(pageHtml: PageHtml | null | undefined, id: string, content: string): string | null {
  if (!pageHtml) return content;
  pageHtml.set(id, content);
  return null;
}

/** What the browser read back from the server's page, by id: a block that mounts again later finds it here. */
const readBack = new Map<string, string>();

function fromServer(id: string, read: (element: HTMLElement) => string): string {
  let content = readBack.get(id);
  if (content === undefined) {
    const element = typeof document === "undefined" ? null : document.getElementById(id);
    content = element ? read(element) : "";
    readBack.set(id, content);
  }
  return content;
}

/** A block of sanitised HTML from a loader: the data's copy when it has one, else the page's own. */
export function HtmlBlock({ id, html, ...rest }: { id: string; html: string | null } & Omit<HTMLAttributes<HTMLDivElement>, "dangerouslySetInnerHTML" | "id">) {
  const pageHtml = useContext(PageHtmlContext);
  const [fromPage] = useState(() => (html === null ? (pageHtml?.get(id) ?? fromServer(id, (e) => e.innerHTML)) : ""));
  return <div id={id} {...rest} dangerouslySetInnerHTML={{ __html: html ?? fromPage }} />;
}

/** A paragraph of plain text from a loader (a list's excerpt): the data's copy when it has one, else the page's own. */
export function TextBlock({ id, text, ...rest }: { id: string; text: string | null } & Omit<HTMLAttributes<HTMLParagraphElement>, "id" | "children">) {
  const pageHtml = useContext(PageHtmlContext);
  const [fromPage] = useState(() => (text === null ? (pageHtml?.get(id) ?? fromServer(id, (e) => e.textContent ?? "")) : ""));
  return (
    <p id={id} {...rest}>
      {text ?? fromPage}
    </p>
  );
}
