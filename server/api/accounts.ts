import { signIn, signOut, listSessions, revokeSession, signOutEverywhere } from "../../app/modules/accounts/auth.server";
import { acceptInvitation, createInvitation, findOpenInvitation, listInvitations, revokeInvitation } from "../../app/modules/accounts/invitations.server";
import { requestPasswordReset, resetPassword } from "../../app/modules/accounts/password-reset.server";
import { can } from "../../app/modules/accounts/permissions";
import {
  acceptInvitationSchema,
  createdInvitationSchema,
  createdTokenSchema,
  invitationListSchema,
  invitationLookupEnvelopeSchema,
  invitationSchema,
  loginSchema,
  memberExportSchema,
  memberListQuerySchema,
  memberPageSchema,
  newUserSchema,
  passwordChangeSchema,
  passwordConfirmationSchema,
  passwordResetAcceptedSchema,
  passwordResetCompletionSchema,
  passwordResetRequestSchema,
  profilePatchSchema,
  sessionListSchema,
  tokenListSchema,
  tokenNameSchema,
  userAdminPatchSchema,
  userEnvelopeSchema,
  type MemberJson,
} from "../../app/modules/accounts/schemas";
import {
  addMember,
  adminUpdateMember,
  changePassword,
  eraseMember,
  exportMemberData,
  getMember,
  listMembers,
  updateProfile,
  type MemberView,
} from "../../app/modules/accounts/users.server";
import { createApiToken, listApiTokens, revokeApiToken } from "../../app/modules/accounts/tokens.server";
import { DomainError, notFound } from "../../app/modules/platform/errors";
import type { Services } from "../../app/modules/platform/services";
import { clientOf, localeOf } from "../http";
import { getCentre } from "../../app/modules/centres/centres.server";
import { pathParams, type ApiRoutes, type HeaderDoc } from "./registry";
import { badParam, etagHeaders, etagOf, iso, requireUser, sendWithETag } from "./support";

/** The API's view of a member (`GET /me`). */
export function memberJson(m: MemberView): MemberJson {
  return {
    id: m.id,
    handle: m.handle,
    name: m.name,
    email: m.email,
    role: m.role,
    centreId: m.centreId,
    languages: m.languages,
    skills: m.skills,
    bio: m.bio,
    locale: m.locale,
    openToMobility: m.openToMobility,
  };
}

const setCookie = (what: string): Record<string, HeaderDoc> => ({ "Set-Cookie": { description: what, schema: { type: "string" } } });
const passwordPolicy = "the password policy applies (12 to 256 characters, not a common password)";

export function accountsRoutes(r: ApiRoutes, services: Services): void {
  const { db } = services;

  // ---------------------------------------------------------------------------------------------- sign-in

  r.add(
    {
      operationId: "login",
      method: "post",
      path: "/auth/login",
      tag: "Accounts",
      summary: "Sign in",
      description:
        "Checks the credentials and opens a new session (a fresh id; a session cookie already sent is ended). " +
        "401 on bad credentials — the same answer for an unknown e-mail and a wrong password. After repeated " +
        "failures (per account and per address, in a 15-minute window) the answer is 429 with `Retry-After`.",
      auth: "public",
      body: loginSchema,
      answers: {
        200: {
          description: "Signed in: the member, and the session cookie.",
          schema: userEnvelopeSchema,
          headers: setCookie("`dc_session=…; HttpOnly; SameSite=Lax; Path=/`"),
        },
      },
      problems: [429],
    },
    async (req, res, input) => {
      const credentials = input.body();
      const { user, cookie } = await signIn(services, { ...credentials, ...clientOf(req), previousSessionId: req.auth.session?.id });
      res.append("Set-Cookie", cookie);
      res.json({ user: memberJson((await getMember(db, user.id))!) });
    },
  );

  r.add(
    {
      operationId: "logout",
      method: "post",
      path: "/auth/logout",
      tag: "Accounts",
      summary: "Sign out",
      description: "Ends the current session and clears the cookie. Answers 204 also when there is no session.",
      auth: "session-optional",
      answers: { 204: { description: "Signed out.", headers: setCookie("A blank `dc_session` cookie (when a session was ended).") } },
    },
    async (req, res) => {
      if (req.auth.session) res.append("Set-Cookie", await signOut(services, req.auth.session.id));
      res.status(204).end();
    },
  );

  r.add(
    {
      operationId: "requestPasswordReset",
      method: "post",
      path: "/auth/password-reset",
      tag: "Accounts",
      summary: "Ask for a password reset link",
      description:
        "Answers 202 whether or not the e-mail belongs to an account; when it does (and the account is active) " +
        "a single-use link valid 60 minutes is e-mailed. A few requests per address per hour at most, silently.",
      auth: "public",
      body: passwordResetRequestSchema,
      answers: { 202: { description: "Accepted (whether or not the address exists).", schema: passwordResetAcceptedSchema } },
    },
    async (req, res, input) => {
      const { email } = input.body();
      await requestPasswordReset(services, email, localeOf(req));
      res.status(202).json({ status: "accepted" });
    },
  );

  r.add(
    {
      operationId: "resetPassword",
      method: "post",
      path: "/auth/password-reset/{token}",
      tag: "Accounts",
      summary: "Set a new password with a reset link",
      description:
        "Uses the link once: sets the password (the password policy applies: 12 to 256 characters, not a common " +
        "password), ends every session of the account and opens a new one here. 404 when the link is unknown, used or expired.",
      auth: "public",
      params: pathParams({ token: "The secret from the e-mailed link." }),
      body: passwordResetCompletionSchema,
      answers: { 200: { description: "Password changed and signed in.", schema: userEnvelopeSchema, headers: setCookie("The new `dc_session` cookie.") } },
      problems: [404],
    },
    async (req, res, input) => {
      const { password } = input.body();
      const { session, cookie } = await resetPassword(services, req.params.token, password, clientOf(req));
      res.append("Set-Cookie", cookie);
      res.json({ user: memberJson((await getMember(db, session.userId))!) });
    },
  );

  // ---------------------------------------------------------------------------------------------- me

  r.add(
    {
      operationId: "getMe",
      method: "get",
      path: "/me",
      tag: "Accounts",
      summary: "Who am I",
      auth: "signed-in",
      answers: {
        200: { description: "The signed-in member. Send its `ETag` back in `If-None-Match` to get 304 while the profile is unchanged.", schema: userEnvelopeSchema, headers: etagHeaders },
        304: { description: "The profile has not changed since the `ETag` sent in `If-None-Match`." },
      },
    },
    async (req, res) => {
      const member = await getMember(db, requireUser(req).id);
      if (!member) throw new DomainError(401, "auth.signInRequired");
      const json = JSON.stringify({ user: memberJson(member) });
      sendWithETag(req, res, json, etagOf(json), { private: true });
    },
  );

  r.add(
    {
      operationId: "updateMe",
      method: "patch",
      path: "/me",
      tag: "Accounts",
      summary: "Change my profile",
      description: "Any subset of the profile fields. `handle` is unique (409 when taken); `languages` replaces the whole list.",
      auth: "signed-in",
      body: profilePatchSchema,
      answers: { 200: { description: "The updated member.", schema: userEnvelopeSchema } },
      problems: [409],
    },
    async (req, res, input) => {
      const user = requireUser(req);
      res.json({ user: memberJson(await updateProfile(db, user.id, input.body())) });
    },
  );

  r.add(
    {
      operationId: "deleteMe",
      method: "delete",
      path: "/me",
      tag: "Accounts",
      summary: "Erase my account",
      description:
        "Needs my password (a wrong one → 422). Personal data erased, my content stays attributed to " +
        '"deleted user"; every session and token ends.',
      auth: "signed-in",
      body: passwordConfirmationSchema,
      answers: { 204: { description: "Erased.", headers: setCookie("A blank `dc_session` cookie.") } },
      problems: [404],
    },
    async (req, res, input) => {
      const user = requireUser(req);
      const { password } = input.body();
      await eraseMember(services, user.id, password);
      res.append("Set-Cookie", services.lucia.createBlankSessionCookie().serialize());
      res.status(204).end();
    },
  );

  r.add(
    {
      operationId: "exportMe",
      method: "get",
      path: "/me/export",
      tag: "Accounts",
      summary: "Export all of my data",
      description: "All of my data as JSON, as an attachment (`digital-compass-<handle>.json`).",
      auth: "signed-in",
      answers: {
        200: {
          description: "My data.",
          schema: memberExportSchema,
          headers: { "Content-Disposition": { description: 'attachment; filename="digital-compass-<handle>.json"', schema: { type: "string" } } },
        },
      },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      res.setHeader("Content-Disposition", `attachment; filename="digital-compass-${user.handle}.json"`);
      res.json(await exportMemberData(db, user.id));
    },
  );

  r.add(
    {
      operationId: "changePassword",
      method: "post",
      path: "/me/password",
      tag: "Accounts",
      summary: "Change my password",
      description:
        "The current password is required (wrong → 422 on `currentPassword`); the new one must meet the policy " +
        "(12 to 256 characters, not a common password; else 422 on `newPassword`). Every other session ends.",
      auth: "signed-in",
      body: passwordChangeSchema,
      answers: { 204: { description: "Password changed." } },
    },
    async (req, res, input) => {
      const user = requireUser(req);
      await changePassword(services, user, input.body(), req.auth.session?.id);
      res.status(204).end();
    },
  );

  r.add(
    {
      operationId: "listMySessions",
      method: "get",
      path: "/me/sessions",
      tag: "Accounts",
      summary: "My open sessions",
      description: "Most recently active first; `current` marks the session making the request.",
      auth: "signed-in",
      answers: { 200: { description: "My sessions.", schema: sessionListSchema } },
    },
    async (req, res) => {
      const user = requireUser(req);
      const items = await listSessions(db, user.id, req.auth.session?.id);
      res.json({
        items: items.map((s) => ({
          id: s.ref,
          current: s.current,
          createdAt: iso(s.createdAt),
          lastSeenAt: iso(s.lastSeenAt),
          expiresAt: iso(s.expiresAt),
          userAgent: s.userAgent,
          ip: s.ip,
        })),
      });
    },
  );

  r.add(
    {
      operationId: "signOutEverywhere",
      method: "delete",
      path: "/me/sessions",
      tag: "Accounts",
      summary: "Sign out everywhere else",
      description: "Ends every session of mine but the one making the request.",
      auth: "signed-in",
      answers: { 204: { description: "Other sessions ended." } },
    },
    async (req, res) => {
      const user = requireUser(req);
      await signOutEverywhere(services, user.id, req.auth.session?.id);
      res.status(204).end();
    },
  );

  r.add(
    {
      operationId: "revokeMySession",
      method: "delete",
      path: "/me/sessions/{id}",
      tag: "Accounts",
      summary: "End one of my sessions",
      description: "Another person's session id is simply not found (404).",
      auth: "signed-in",
      params: pathParams({ id: "The session id." }),
      answers: { 204: { description: "Session ended." } },
      problems: [404],
    },
    async (req, res) => {
      await revokeSession(services, requireUser(req).id, req.params.id);
      res.status(204).end();
    },
  );

  // ---------------------------------------------------------------------------------------------- tokens

  r.add(
    {
      operationId: "listTokens",
      method: "get",
      path: "/tokens",
      tag: "Accounts",
      summary: "My personal access tokens",
      description: "Newest first; the secrets themselves are never shown again.",
      auth: "signed-in",
      answers: { 200: { description: "My tokens.", schema: tokenListSchema } },
    },
    async (req, res) => {
      const items = await listApiTokens(db, requireUser(req).id);
      res.json({ items: items.map((t) => ({ id: t.id, name: t.name, createdAt: iso(t.createdAt), lastUsedAt: iso(t.lastUsedAt) })) });
    },
  );

  r.add(
    {
      operationId: "createToken",
      method: "post",
      path: "/tokens",
      tag: "Accounts",
      summary: "Create a personal access token",
      description: "The token is shown once (in this answer) and stored hashed. Use it as `Authorization: Bearer <token>`.",
      auth: "signed-in",
      body: tokenNameSchema,
      answers: { 201: { description: "Created.", schema: createdTokenSchema } },
    },
    async (req, res, input) => {
      const user = requireUser(req);
      const { name } = input.body();
      const created = await createApiToken(db, user.id, name);
      res.status(201).json({ id: created.id, token: created.token, name: created.name });
    },
  );

  r.add(
    {
      operationId: "revokeToken",
      method: "delete",
      path: "/tokens/{id}",
      tag: "Accounts",
      summary: "Revoke a personal access token",
      description: "Someone else's token id is simply not found (404).",
      auth: "signed-in",
      params: pathParams({ id: "The token's id (not its secret)." }),
      answers: { 204: { description: "Revoked." } },
      problems: [404],
    },
    async (req, res) => {
      await revokeApiToken(db, requireUser(req).id, req.params.id);
      res.status(204).end();
    },
  );

  // ---------------------------------------------------------------------------------------------- invitations

  r.add(
    {
      operationId: "listInvitations",
      method: "get",
      path: "/invitations",
      tag: "Accounts",
      summary: "Invitations I sent",
      description: "Hosts, leads and admins (trainers → 403). The 50 most recent invitations I sent, newest first; admins see everyone's.",
      auth: "signed-in",
      answers: { 200: { description: "Invitations.", schema: invitationListSchema } },
      problems: [403],
    },
    async (req, res) => {
      const user = requireUser(req);
      if (!can(user, { action: "invitation:manage" })) throw new DomainError(403, "auth.forbidden");
      const items = await listInvitations(db, user);
      res.json({
        items: items.map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          centreName: i.centreName,
          status: i.status,
          createdAt: iso(i.createdAt),
          expiresAt: iso(i.expiresAt),
        })),
      });
    },
  );

  r.add(
    {
      operationId: "createInvitation",
      method: "post",
      path: "/invitations",
      tag: "Accounts",
      summary: "Invite someone",
      description:
        "A host invites trainers of their own centre; leads invite anyone to any role below admin; only admins " +
        "invite admins (otherwise 403). The link is single-use and valid 7 days; it is e-mailed to the invitee " +
        "and returned here: `url` is the page to send, `token` the secret it carries. 409 when an account " +
        "already uses the e-mail; 422 for an unknown `centreId`.",
      auth: "signed-in",
      body: invitationSchema,
      answers: { 201: { description: "Invitation created.", schema: createdInvitationSchema } },
      problems: [409],
    },
    async (req, res, input) => {
      const user = requireUser(req);
      const inv = await createInvitation(services, user, input.body(), localeOf(req));
      res.status(201).json({ id: inv.id, url: inv.url, token: inv.token, email: inv.email, role: inv.role, centreId: inv.centreId, expiresAt: iso(inv.expiresAt) });
    },
  );

  r.add(
    {
      operationId: "revokeInvitation",
      method: "delete",
      path: "/invitations/{idOrToken}",
      tag: "Accounts",
      summary: "Revoke an invitation",
      description:
        "Hosts, leads and admins (trainers → 403), for an invitation they sent (admins: any) that is not yet " +
        "accepted; otherwise 404.",
      auth: "signed-in",
      params: pathParams({ idOrToken: "The invitation's `id` (as listed by `GET /invitations`), not its token." }),
      answers: { 204: { description: "Revoked." } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      if (!can(user, { action: "invitation:manage" })) throw new DomainError(403, "auth.forbidden");
      await revokeInvitation(db, user, req.params.idOrToken);
      res.status(204).end();
    },
  );

  r.add(
    {
      operationId: "getInvitation",
      method: "get",
      path: "/invitations/{idOrToken}",
      tag: "Accounts",
      summary: "Look up an invitation link",
      description: "Public: what the invitation page shows. 404 when the link is unknown, used, revoked or expired.",
      auth: "public",
      params: pathParams({ idOrToken: "The invitation link's token." }),
      answers: { 200: { description: "The open invitation.", schema: invitationLookupEnvelopeSchema } },
      problems: [404],
    },
    async (req, res) => {
      const inv = await findOpenInvitation(db, req.params.idOrToken);
      if (!inv) throw new DomainError(404, "invitation.invalid");
      res.json({ invitation: { email: inv.email, role: inv.role, centreId: inv.centreId, centreName: inv.centreName, inviterName: inv.inviterName, expiresAt: iso(inv.expiresAt) } });
    },
  );

  r.add(
    {
      operationId: "acceptInvitation",
      method: "post",
      path: "/invitations/{token}/accept",
      tag: "Accounts",
      summary: "Accept an invitation",
      description:
        "Creates the account with the invitation's e-mail, role and centre, once (404 when the link is unknown, " +
        "used, revoked or expired). `handle` is optional and derived from the name when omitted (409 when taken); " +
        `${passwordPolicy}. Does not sign in.`,
      auth: "public",
      params: pathParams({ token: "The invitation link's token." }),
      body: acceptInvitationSchema,
      answers: { 201: { description: "Account created.", schema: userEnvelopeSchema } },
      problems: [404, 409],
    },
    async (req, res, input) => {
      const member = await acceptInvitation(db, req.params.token, input.body(), localeOf(req));
      res.status(201).json({ user: memberJson(member) });
    },
  );

  // ---------------------------------------------------------------------------------------------- administration

  r.add(
    {
      operationId: "listUsers",
      method: "get",
      path: "/users",
      tag: "Accounts",
      summary: "The directory of accounts (admin only)",
      description:
        "Admin only. Filtered by `q` (name, e-mail or handle), `role` and `centreId`; sorted by name; paginated " +
        "with `limit` and `cursor`. Erased accounts are left out. A bad parameter or cursor → 400.",
      auth: "signed-in",
      query: memberListQuerySchema,
      answers: { 200: { description: "A page of accounts.", schema: memberPageSchema } },
      problems: [403],
    },
    async (req, res, input) => {
      const user = requireUser(req);
      if (!can(user, { action: "user:admin" })) throw new DomainError(403, "auth.forbidden");
      const q = input.query();
      if (q.centreId && !(await getCentre(db, q.centreId))) throw badParam(req, "centreId", "param.expected.unknownCentre", { value: q.centreId });
      const page = await listMembers(db, { ...q, after: q.cursor });
      res.json({
        items: page.items.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
        nextCursor: page.nextCursor,
      });
    },
  );

  r.add(
    {
      operationId: "createUser",
      method: "post",
      path: "/users",
      tag: "Accounts",
      summary: "Create an account (admin only)",
      description:
        `Admin only. \`handle\` is optional and derived from the name when omitted. ${passwordPolicy[0].toUpperCase()}${passwordPolicy.slice(1)}. ` +
        "409 when the e-mail or handle is taken; 422 for an unknown `centreId`.",
      auth: "signed-in",
      body: newUserSchema,
      answers: { 201: { description: "Account created.", schema: userEnvelopeSchema } },
      problems: [409],
    },
    async (req, res, input) => {
      const user = requireUser(req);
      if (!can(user, { action: "user:admin" })) throw new DomainError(403, "auth.forbidden");
      const member = await addMember(db, user, input.body());
      res.status(201).json({ user: memberJson(member) });
    },
  );

  r.add(
    {
      operationId: "updateUser",
      method: "patch",
      path: "/users/{id}",
      tag: "Accounts",
      summary: "Change an account's role, centre or activation (admin only)",
      description:
        "Admin only. Deactivating ends the account's sessions and revokes its tokens at once. An admin cannot " +
        "change their own account this way (409). 404 for an unknown or erased account; 422 for an unknown `centreId`.",
      auth: "signed-in",
      params: pathParams({ id: "The user's id." }),
      body: userAdminPatchSchema,
      answers: { 200: { description: "The updated member.", schema: userEnvelopeSchema } },
      problems: [404, 409],
    },
    async (req, res, input) => {
      const user = requireUser(req);
      if (!can(user, { action: "user:admin" })) throw new DomainError(403, "auth.forbidden");
      const member = await adminUpdateMember(services, user, req.params.id, input.body());
      if (!member) throw notFound();
      res.json({ user: memberJson(member) });
    },
  );
}
