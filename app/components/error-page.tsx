import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "../i18n/react";

/** 404, 403 and 500 pages that say what happened and where to go, in the reader's language. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.404.title"), t("error.404.body")]
      : status === 403
        ? [t("error.403.title"), t("error.403.body")]
        : status >= 500
          ? [t("error.500.title"), t("error.500.body")]
          : [t("error.other.title", { status }), isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : ""];
  return (
    <div className="page page-narrow error-page">
      <p className="error-code" aria-hidden="true">
        {status}
      </p>
      <h1>{title}</h1>
      {body ? <p className="lead">{body}</p> : null}
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
