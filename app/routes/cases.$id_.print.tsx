import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CaseByline, CaseContextFacts, CaseSections, CaseTags, shownCase } from "~/components/case-view";
import { useThreadUi } from "~/components/thread-ui";
import { getCase } from "~/modules/cases/cases.server";
import { idSchema } from "~/modules/discussions/schemas";
import { tagsFor } from "~/modules/discussions/thread-pages.server";
import { notFoundResponse, requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.case.title} — Digital Compass` : "Digital Compass" }];

/** The case alone, for paper: no discussion, no forms; the header and footer are left out when printed. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const parsed = idSchema.safeParse(params.id ?? "");
  if (!parsed.success) throw notFoundResponse();
  const kase = await getCase(context.services, user, parsed.data).catch((error: unknown) => {
    if (error instanceof DomainError && error.status === 404) throw notFoundResponse();
    throw error;
  });
  const tags = await tagsFor(context.services.db, context.locale);
  return { case: shownCase(kase, new Map(tags.map((x) => [x.slug, x.label]))), url: kase.url };
}

export default function PrintCase() {
  const { case: c, url } = useLoaderData<typeof loader>();
  const { t } = useThreadUi();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  return (
    <div className="page print-page">
      <p className="actions no-print">
        <Link to={`/cases/${c.id}`}>{t("cases.print.back")}</Link>
        {canPrint ? (
          <button type="button" className="button button-small" onClick={() => window.print()}>
            {t("cases.print.print")}
          </button>
        ) : null}
      </p>
      <article className="case-sheet">
        <p className="muted">{t("cases.print.title")}</p>
        <h1>{c.title}</h1>
        <CaseByline c={c} />
        <CaseContextFacts c={c} />
        <CaseSections c={c} />
        <CaseTags c={c} linked={false} />
        <p className="print-source">{t("cases.print.source", { url })}</p>
      </article>
    </div>
  );
}
