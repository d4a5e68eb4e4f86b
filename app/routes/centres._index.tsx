import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { collatorFor, countryName, createTranslator, isLocale, isMessageKey, languageName, type MessageKey, type Translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { can } from "~/modules/accounts/permissions";
import { listCentres, memberCounts } from "~/modules/centres/centres.server";
import { centreDirectoryQuerySchema } from "~/modules/centres/schemas";
import { readQuery } from "~/modules/platform/context.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "directory.centres.title") }];

/** "Title — Digital Compass" in the reader's language (the root loader knows it). */
function pageTitle(matches: { id: string; data?: unknown }[], key: MessageKey): string {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined)?.locale;
  return `${createTranslator(isLocale(locale) ? locale : "fr")(key)} — Digital Compass`;
}

/** Lower case, without accents, so that "liege" finds "Liège". */
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

/** The known specialities have a readable name; any other slug is shown with spaces. */
function specialityLabel(slug: string, t: Translate): string {
  const key = `directory.speciality.${slug}`;
  return isMessageKey(key) ? t(key) : slug.replace(/-/g, " ");
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!can(context.auth.user, { action: "centre:view" })) throw new Response("Forbidden", { status: 403 });
  const { db } = context.services;
  const [all, counts] = await Promise.all([listCentres(db), memberCounts(db)]);

  const collator = collatorFor(context.locale);
  const organisations = [...new Set(all.map((c) => c.organisation))].sort(collator.compare);
  const countries = [...new Set(all.map((c) => c.country))]
    .map((code) => ({ code, name: countryName(code, context.locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));

  // An organisation or a country the network does not have is the 400 page listing those it has.
  const query = readQuery(context, request, centreDirectoryQuerySchema(organisations, countries.map((c) => c.code)));
  const q = query.q ?? "";
  const organisation = query.organisation ?? "";
  const country = query.country ?? "";
  const needle = fold(q);

  const matching = all.filter(
    (c) =>
      (!organisation || c.organisation === organisation) &&
      (!country || c.country === country) &&
      (!needle || fold(c.name).includes(needle) || fold(c.city).includes(needle)),
  );
  const groups = countries
    .map((country) => ({
      ...country,
      centres: matching
        .filter((c) => c.country === country.code)
        .map((c) => ({
          id: c.id,
          name: c.name,
          organisation: c.organisation,
          city: c.city,
          languages: c.languages,
          specialities: c.specialities,
          members: counts.get(c.id) ?? 0,
        })),
    }))
    .filter((g) => g.centres.length > 0);

  return {
    filters: { q, organisation, country },
    organisations,
    countries,
    groups,
    count: matching.length,
  };
}

export default function CentresDirectory() {
  const { filters, organisations, countries, groups, count } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const filtered = Boolean(filters.q || filters.organisation || filters.country);
  return (
    <Page title={t("directory.centres.title")} intro={t("directory.centres.intro")}>
      <Form method="get" className="card" role="search" aria-label={t("directory.centres.filters")}>
        <TextField
          name="q"
          type="search"
          label={t("directory.centres.filter.q")}
          defaultValue={filters.q}
          maxLength={100}
          key={`q-${filters.q}`}
        />
        <SelectField
          name="organisation"
          label={t("directory.centres.filter.organisation")}
          defaultValue={filters.organisation}
          key={`o-${filters.organisation}`}
          options={[{ value: "", label: t("directory.centres.filter.allOrganisations") }, ...organisations.map((o) => ({ value: o, label: o }))]}
        />
        <SelectField
          name="country"
          label={t("directory.centres.filter.country")}
          defaultValue={filters.country}
          key={`c-${filters.country}`}
          options={[{ value: "", label: t("directory.centres.filter.allCountries") }, ...countries.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t("directory.centres.filter.submit")}
          </button>
          {filtered ? <Link to="/centres">{t("directory.centres.filter.clear")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("directory.centres.count", { count })}
      </p>

      {groups.length === 0 ? (
        <div className="empty">
          <p>
            <strong>{t("directory.centres.empty.title")}</strong>
          </p>
          <p>{t("directory.centres.empty.body")}</p>
          <p>
            <Link to="/centres" className="button button-secondary">
              {t("directory.centres.filter.clear")}
            </Link>
          </p>
        </div>
      ) : (
        groups.map((group) => (
          <section key={group.code} aria-labelledby={`country-${group.code}`}>
            <h2 id={`country-${group.code}`}>{group.name}</h2>
            <div className="grid">
              {group.centres.map((c) => (
                <article key={c.id} className="card">
                  <h3>
                    <Link to={`/centres/${c.id}`}>{c.name}</Link>
                  </h3>
                  <p className="muted">
                    {c.organisation} · {c.city}
                  </p>
                  <dl className="facts">
                    <dt>{t("directory.centres.languages")}</dt>
                    <dd>{c.languages.map((code) => languageName(code, locale)).join(", ")}</dd>
                    <dt>{t("directory.centres.specialities")}</dt>
                    <dd>
                      <ul className="tags">
                        {c.specialities.map((s) => (
                          <li key={s} className="tag">
                            {specialityLabel(s, t)}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </dl>
                  <p>
                    <span className="badge">{t("directory.centres.members", { count: c.members })}</span>
                  </p>
                </article>
              ))}
            </div>
          </section>
        ))
      )}
    </Page>
  );
}
