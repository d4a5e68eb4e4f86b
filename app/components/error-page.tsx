import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { MessageKey } from "../i18n";
import { useT } from "../i18n/react";

/** The statuses with their own words; any other says its number and that the request did not go through. */
const pages: Partial<Record<number, [MessageKey, MessageKey]>> = {
  400: ["error.400.title", "error.400.body"],
  401: ["error.401.title", "error.401.body"],
  403: ["error.403.title", "error.403.body"],
  404: ["error.404.title", "error.404.body"],
  405: ["error.405.title", "error.405.body"],
  413: ["error.413.title", "error.413.body"],
  429: ["error.429.title", "error.429.body"],
  500: ["error.500.title", "error.500.body"],
};

type BadParams = { badParams: { param: string; message: string }[]; retry: string };

const isBadParams = (data: unknown): data is BadParams =>
  typeof data === "object" && data !== null && Array.isArray((data as BadParams).badParams) && typeof (data as BadParams).retry === "string";

/**
 * The error page of every status, in the reader's language: what happened and where to go. A 400 about the URL
 * (context.server.ts `readQuery`) names each parameter and what it expects, and links to the page without them.
 * Text thrown by the framework or a library (often English, for developers) is never shown.
 */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = pages[status] ?? (status > 500 ? pages[500] : undefined);
  const [title, body] = known ? [t(known[0]), t(known[1])] : [t("error.other.title", { status }), t("error.other.body")];
  const bad = isRouteErrorResponse(error) && status === 400 && isBadParams(error.data) ? error.data : null;
  return (
    <div className="page page-narrow error-page">
      <p className="error-code" aria-hidden="true">
        {status}
      </p>
      <h1>{title}</h1>
      {bad ? (
        <ul className="error-params">
          {bad.badParams.map((p) => (
            <li key={p.param}>{p.message}</li>
          ))}
        </ul>
      ) : (
        <p className="lead">{body}</p>
      )}
      <p className="actions">
        {bad ? (
          <Link to={bad.retry} className="button">
            {t("error.400.retry", { count: bad.badParams.length })}
          </Link>
        ) : null}
        <Link to="/" className={bad ? "button button-secondary" : "button"}>
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
