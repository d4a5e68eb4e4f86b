import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { listSessions, revokeSession, signOutEverywhere } from "~/modules/accounts/auth.server";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import type { Translate } from "~/i18n";
import { useFormatDate, useT } from "~/i18n/react";

/** "Mozilla/5.0 (Windows NT 10.0; Win64; x64) … Firefox/128.0" → { browser: "Firefox", os: "Windows" } */
function describeUserAgent(ua: string): { browser: string | null; os: string | null } {
  const browsers: [RegExp, string][] = [
    [/\bEdg(?:e|A|iOS)?\//, "Edge"],
    [/\bOPR\/|\bOpera\b/, "Opera"],
    [/\bSamsungBrowser\//, "Samsung Internet"],
    [/\bVivaldi\//, "Vivaldi"],
    [/\bFirefox\/|\bFxiOS\//, "Firefox"],
    [/\bCriOS\/|Chrome\/|\bChromium\//, "Chrome"],
    [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
    [/^curl\//i, "curl"],
    [/\bPostmanRuntime\//, "Postman"],
    [/^node|\bundici\b|^axios\//i, "Node.js"],
    [/^python-requests|^python/i, "Python"],
  ];
  const systems: [RegExp, string][] = [
    [/\biPad\b/, "iPadOS"],
    [/\biPhone\b|\biPod\b/, "iOS"],
    [/\bAndroid\b/, "Android"],
    [/\bCrOS\b/, "ChromeOS"],
    [/\bWindows\b/, "Windows"],
    [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
    [/\bUbuntu\b/, "Ubuntu"],
    [/\bLinux\b|\bX11\b/, "Linux"],
  ];
  const browser = browsers.find(([re]) => re.test(ua))?.[1] ?? null;
  const os = systems.find(([re]) => re.test(ua))?.[1] ?? null;
  return { browser, os };
}

function deviceLabel(ua: string, t: Translate): string {
  const { browser, os } = describeUserAgent(ua);
  if (browser && os) return t("settings.sessions.deviceOn", { browser, os });
  return browser ?? os ?? t("settings.sessions.unknownDevice");
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const sessions = await listSessions(context.services.db, user.id, context.auth.session?.id);
  return {
    sessions: [...sessions]
      .sort((a, b) => Number(b.current) - Number(a.current))
      .map((s) => ({ ref: s.ref, current: s.current, userAgent: s.userAgent, ip: s.ip, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const t = translatorFor(context);
  const form = await request.formData();
  const currentId = context.auth.session?.id;
  const intent = form.get("intent");
  if (intent === "others") {
    await signOutEverywhere(context.services, user.id, currentId);
    return redirect("/settings/sessions?signedOut=1");
  }
  if (intent === "revoke") {
    const ref = String(form.get("session") ?? "");
    let wasCurrent = false;
    try {
      ({ wasCurrent } = await revokeSession(context.services, user.id, ref, currentId));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return data({ formError: t("settings.sessions.gone") }, { status: error.status });
    }
    if (wasCurrent) {
      return redirect("/login", { headers: { "Set-Cookie": context.services.lucia.createBlankSessionCookie().serialize() } });
    }
    return redirect("/settings/sessions?revoked=1");
  }
  return data({ formError: t("validation.invalidChoice") }, { status: 400 });
}

export default function SessionsSettings() {
  const { sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const format = useFormatDate();
  const others = sessions.filter((s) => !s.current).length;
  const notice = params.get("signedOut") ? t("settings.sessions.signedOut") : params.get("revoked") ? t("settings.sessions.revoked") : null;
  return (
    <Page title={t("settings.sessions.title")} intro={t("settings.sessions.intro")}>
      {notice && !result ? (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      ) : null}
      {result?.formError ? (
        <div className="alert alert-error" role="alert">
          {result.formError}
        </div>
      ) : null}
      {sessions.length === 0 ? (
        <p className="empty">{t("settings.sessions.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("settings.sessions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("settings.sessions.device")}</th>
                <th scope="col">{t("settings.sessions.activity")}</th>
                <th scope="col">
                  <span className="sr-only">{t("settings.sessions.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const device = deviceLabel(s.userAgent, t);
                return (
                  <tr key={s.ref}>
                    <th scope="row">
                      {device}
                      {s.current ? (
                        <>
                          {" "}
                          <span className="badge">{t("settings.sessions.thisDevice")}</span>
                        </>
                      ) : null}
                      <br />
                      <span className="muted">
                        {t("settings.sessions.ipValue", { ip: s.ip || t("settings.sessions.unknownIp") })}
                      </span>
                    </th>
                    <td>
                      {t("settings.sessions.lastActiveValue", { date: format.dateTime(s.lastSeenAt) })}
                      <br />
                      <span className="muted">
                        {t("settings.sessions.signedInValue", { date: format.dateTime(s.createdAt) })}
                      </span>
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="session" value={s.ref} />
                        <SubmitButton intent="revoke" className="button button-secondary button-small" pendingLabel={t("settings.sessions.ending")}>
                          {s.current ? t("settings.sessions.endThis") : t("settings.sessions.end")}
                          {s.current ? null : <span className="sr-only"> ({device})</span>}
                        </SubmitButton>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {others > 0 ? (
        <div className="card">
          <h2>{t("settings.sessions.othersTitle")}</h2>
          <p>{t("settings.sessions.othersBody", { count: others })}</p>
          <Form method="post">
            <SubmitButton intent="others" className="button button-danger" pendingLabel={t("settings.sessions.ending")}>
              {t("settings.sessions.othersSubmit")}
            </SubmitButton>
          </Form>
        </div>
      ) : (
        <p className="muted">{t("settings.sessions.onlyThis")}</p>
      )}
    </Page>
  );
}
