import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/modules/accounts/permissions";
import { getProfileByHandle } from "~/modules/accounts/users.server";
import { notFoundResponse, pathText, requirePermission } from "~/modules/platform/context.server";
import { Page } from "~/components/layout";
import { languageName } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/react";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "profile:view" });
  const profile = await getProfileByHandle(context.services.db, user, pathText(params.handle));
  if (!profile) throw notFoundResponse();
  return {
    profile,
    isMe: can(user, { action: "profile:edit", userId: profile.id }),
    canAdmin: can(user, { action: "user:update", userId: profile.id }),
  };
}

export default function PublicProfile() {
  const { profile, isMe, canAdmin } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const format = useFormatDate();
  const paragraphs = profile.bio.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <Page
      title={profile.name}
      intro={`${t(`role.${profile.role}` as const)} · ${profile.centre.name}`}
      actions={
        isMe ? (
          <Link to="/settings" className="button">
            {t("profile.edit")}
          </Link>
        ) : canAdmin ? (
          <Link to={`/admin/users/${profile.id}`} className="button button-secondary">
            {t("profile.manage")}
          </Link>
        ) : null
      }
    >
      <div className="card">
        <dl className="facts">
          <dt>{t("profile.handle")}</dt>
          <dd>@{profile.handle}</dd>
          <dt>{t("profile.role")}</dt>
          <dd>{t(`role.${profile.role}` as const)}</dd>
          <dt>{t("profile.centre")}</dt>
          <dd>
            <Link to={`/centres/${profile.centre.id}`}>{profile.centre.name}</Link>
          </dd>
          <dt>{t("profile.memberSince")}</dt>
          <dd>{format.date(profile.memberSince)}</dd>
          <dt>{t("profile.mobility")}</dt>
          <dd>{profile.openToMobility ? t("profile.mobility.yes") : t("profile.mobility.no")}</dd>
        </dl>
      </div>

      <h2>{t("profile.about")}</h2>
      {paragraphs.length > 0 ? (
        paragraphs.map((p, i) => (
          <p key={i}>
            {p.split("\n").map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ))
      ) : (
        <p className="muted">{isMe ? t("profile.noBio.me") : t("profile.noBio")}</p>
      )}

      <h2>{t("profile.languages")}</h2>
      {profile.languages.length > 0 ? (
        <ul>
          {profile.languages.map((l) => (
            <li key={l.code}>
              {languageName(l.code, locale)} — {t(`settings.level.${l.level}` as const)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{isMe ? t("profile.noLanguages.me") : t("profile.noLanguages")}</p>
      )}

      <h2>{t("profile.skills")}</h2>
      {profile.skills.length > 0 ? (
        <ul className="tags">
          {profile.skills.map((s) => (
            <li key={s} className="tag">
              {s}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{isMe ? t("profile.noSkills.me") : t("profile.noSkills")}</p>
      )}
    </Page>
  );
}
