import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Page } from "~/components/layout";
import { countryName, isMessageKey, languageName, type Translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { can } from "~/modules/accounts/permissions";
import { centreDescription, centreMembers, getCentre } from "~/modules/centres/centres.server";
import { notFoundResponse, pathText } from "~/modules/platform/context.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.centre.name} — Digital Compass` : "Digital Compass" },
];

/** The known specialities have a readable name; any other slug is shown with spaces. */
function specialityLabel(slug: string, t: Translate): string {
  const key = `directory.speciality.${slug}`;
  return isMessageKey(key) ? t(key) : slug.replace(/-/g, " ");
}

const openStreetMapUrl = (lat: number, lng: number) =>
  `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=13/${lat}/${lng}`;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const viewer = context.auth.user;
  if (!can(viewer, { action: "centre:view" })) throw notFoundResponse();
  const { db } = context.services;
  const centre = await getCentre(db, pathText(params.id));
  if (!centre) throw notFoundResponse();
  const members = await centreMembers(db, viewer, centre.id);
  return {
    centre: {
      id: centre.id,
      name: centre.name,
      organisation: centre.organisation,
      city: centre.city,
      country: countryName(centre.country, context.locale),
      lat: centre.lat,
      lng: centre.lng,
      languages: centre.languages,
      specialities: centre.specialities,
      description: centreDescription(centre, context.locale),
    },
    canSeeTeam: can(viewer, { action: "profile:view" }),
    members: members.map((m) => ({ id: m.id, handle: m.handle, name: m.name, role: m.role })),
  };
}

const coordinateFormats = new Map<string, Intl.NumberFormat>();
const coordinateFormat = (locale: string) => {
  let format = coordinateFormats.get(locale);
  if (!format) coordinateFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })));
  return format;
};

export default function CentrePage() {
  const { centre, canSeeTeam, members } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const coordinate = coordinateFormat(locale);
  return (
    <Page
      title={centre.name}
      intro={`${centre.organisation} · ${centre.city}, ${centre.country}`}
      actions={
        <Link to="/centres" className="button button-secondary button-small">
          {t("directory.centre.back")}
        </Link>
      }
    >
      <div className="card">
        <h2>{t("directory.centre.about")}</h2>
        {centre.description ? <p>{centre.description}</p> : null}
        <h3>{t("directory.centre.facts")}</h3>
        <dl className="facts">
          <dt>{t("directory.centre.organisation")}</dt>
          <dd>{centre.organisation}</dd>
          <dt>{t("directory.centre.city")}</dt>
          <dd>{centre.city}</dd>
          <dt>{t("directory.centre.country")}</dt>
          <dd>{centre.country}</dd>
          <dt>{t("directory.centre.languages")}</dt>
          <dd>{centre.languages.map((code) => languageName(code, locale)).join(", ")}</dd>
          <dt>{t("directory.centre.specialities")}</dt>
          <dd>
            <ul className="tags">
              {centre.specialities.map((s) => (
                <li key={s} className="tag">
                  {specialityLabel(s, t)}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t("directory.centre.coordinates")}</dt>
          <dd>
            {t("directory.centre.coordinatesValue", { lat: coordinate.format(centre.lat), lng: coordinate.format(centre.lng) })}
            <br />
            <a href={openStreetMapUrl(centre.lat, centre.lng)}>{t("directory.centre.map")}</a>
          </dd>
        </dl>
      </div>

      <section aria-labelledby="centre-team">
        <h2 id="centre-team">{t("directory.centre.team")}</h2>
        {!canSeeTeam ? (
          <p>
            {t("directory.centre.teamSignedOut")}{" "}
            <Link to={`/login?redirectTo=${encodeURIComponent(`/centres/${centre.id}`)}`}>{t("directory.centre.teamSignIn")}</Link>
          </p>
        ) : members.length === 0 ? (
          <p className="empty">{t("directory.centre.teamEmpty")}</p>
        ) : (
          <>
            <p className="muted">{t("directory.centre.teamCount", { count: members.length })}</p>
            <ul className="feature-list">
              {members.map((m) => (
                <li key={m.id}>
                  <Link to={`/people/${m.handle}`}>{m.name}</Link>
                  <br />
                  <span className="muted">{t(`role.${m.role}`)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </Page>
  );
}
