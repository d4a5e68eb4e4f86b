import { Router } from "express";
import { z } from "zod";
import { signIn, signOut, listSessions, revokeSession, signOutEverywhere } from "../../app/modules/accounts/auth.server";
import { acceptInvitation, createInvitation, findOpenInvitation, listInvitations, revokeInvitation } from "../../app/modules/accounts/invitations.server";
import { requestPasswordReset, resetPassword } from "../../app/modules/accounts/password-reset.server";
import { can } from "../../app/modules/accounts/permissions";
import {
  acceptInvitationSchema,
  emailSchema,
  invitationSchema,
  loginSchema,
  memberListQuerySchema,
  newUserSchema,
  passwordSchema,
  profilePatchSchema,
  tokenNameSchema,
  userAdminPatchSchema,
} from "../../app/modules/accounts/schemas";
import { createApiToken, listApiTokens, revokeApiToken } from "../../app/modules/accounts/tokens.server";
import {
  adminUpdateMember,
  changePassword,
  createMember,
  eraseMember,
  exportMemberData,
  getMember,
  listMembers,
  updateProfile,
  type MemberView,
} from "../../app/modules/accounts/users.server";
import { DomainError, notFound } from "../../app/modules/platform/errors";
import type { Services } from "../../app/modules/platform/services";
import { clientOf, localeOf } from "../http";
import { getCentre } from "../../app/modules/centres/centres.server";
import { badParam, bodyOf, iso, queryOf, requireUser, route } from "./support";

/** The API's view of a member (`GET /me`). */
export function memberJson(m: MemberView) {
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

export function accountsRouter(services: Services): Router {
  const r = Router();
  const { db } = services;

  r.post(
    "/auth/login",
    route(async (req, res) => {
      const input = bodyOf(req, loginSchema);
      const { user, cookie } = await signIn(services, { ...input, ...clientOf(req), previousSessionId: req.auth.session?.id });
      res.append("Set-Cookie", cookie);
      res.json({ user: memberJson((await getMember(db, user.id))!) });
    }),
  );

  r.post(
    "/auth/logout",
    route(async (req, res) => {
      if (req.auth.session) res.append("Set-Cookie", await signOut(services, req.auth.session.id));
      res.status(204).end();
    }),
  );

  r.post(
    "/auth/password-reset",
    route(async (req, res) => {
      const { email } = bodyOf(req, z.object({ email: emailSchema }).strict());
      await requestPasswordReset(services, email, localeOf(req));
      res.status(202).json({ status: "accepted" });
    }),
  );

  r.post(
    "/auth/password-reset/:token",
    route(async (req, res) => {
      const { password } = bodyOf(req, z.object({ password: passwordSchema }).strict());
      const { session, cookie } = await resetPassword(services, req.params.token, password, clientOf(req));
      res.append("Set-Cookie", cookie);
      res.json({ user: memberJson((await getMember(db, session.userId))!) });
    }),
  );

  r.get(
    "/me",
    route(async (req, res) => {
      const member = await getMember(db, requireUser(req).id);
      if (!member) throw new DomainError(401, "auth.signInRequired");
      res.json({ user: memberJson(member) });
    }),
  );

  r.patch(
    "/me",
    route(async (req, res) => {
      const user = requireUser(req);
      const patch = bodyOf(req, profilePatchSchema);
      res.json({ user: memberJson(await updateProfile(db, user.id, patch)) });
    }),
  );

  r.delete(
    "/me",
    route(async (req, res) => {
      const user = requireUser(req);
      const { password } = bodyOf(req, z.object({ password: passwordSchema }).strict());
      await eraseMember(services, user.id, password);
      res.append("Set-Cookie", services.lucia.createBlankSessionCookie().serialize());
      res.status(204).end();
    }),
  );

  r.get(
    "/me/export",
    route(async (req, res) => {
      const user = requireUser(req);
      res.setHeader("Content-Disposition", `attachment; filename="digital-compass-${user.handle}.json"`);
      res.json(await exportMemberData(db, user.id));
    }),
  );

  r.post(
    "/me/password",
    route(async (req, res) => {
      const user = requireUser(req);
      const input = bodyOf(req, z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict());
      await changePassword(services, user, input, req.auth.session?.id);
      res.status(204).end();
    }),
  );

  r.get(
    "/me/sessions",
    route(async (req, res) => {
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
    }),
  );

  r.delete(
    "/me/sessions",
    route(async (req, res) => {
      const user = requireUser(req);
      await signOutEverywhere(services, user.id, req.auth.session?.id);
      res.status(204).end();
    }),
  );

  r.delete(
    "/me/sessions/:id",
    route(async (req, res) => {
      await revokeSession(services, requireUser(req).id, req.params.id);
      res.status(204).end();
    }),
  );

  r.get(
    "/tokens",
    route(async (req, res) => {
      const items = await listApiTokens(db, requireUser(req).id);
      res.json({ items: items.map((t) => ({ id: t.id, name: t.name, createdAt: iso(t.createdAt), lastUsedAt: iso(t.lastUsedAt) })) });
    }),
  );

  r.post(
    "/tokens",
    route(async (req, res) => {
      const user = requireUser(req);
      const { name } = bodyOf(req, tokenNameSchema);
      const created = await createApiToken(db, user.id, name);
      res.status(201).json({ id: created.id, token: created.token, name: created.name });
    }),
  );

  r.delete(
    "/tokens/:id",
    route(async (req, res) => {
      await revokeApiToken(db, requireUser(req).id, req.params.id);
      res.status(204).end();
    }),
  );

  r.get(
    "/invitations",
    route(async (req, res) => {
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
    }),
  );

  r.post(
    "/invitations",
    route(async (req, res) => {
      const user = requireUser(req);
      const input = bodyOf(req, invitationSchema);
      const inv = await createInvitation(services, user, input, localeOf(req));
      res.status(201).json({ id: inv.id, url: inv.url, token: inv.token, email: inv.email, role: inv.role, centreId: inv.centreId, expiresAt: iso(inv.expiresAt) });
    }),
  );

  r.delete(
    "/invitations/:id",
    route(async (req, res) => {
      const user = requireUser(req);
      if (!can(user, { action: "invitation:manage" })) throw new DomainError(403, "auth.forbidden");
      await revokeInvitation(db, user, req.params.id);
      res.status(204).end();
    }),
  );

  r.get(
    "/invitations/:token",
    route(async (req, res) => {
      const inv = await findOpenInvitation(db, req.params.token);
      if (!inv) throw new DomainError(404, "invitation.invalid");
      res.json({ invitation: { email: inv.email, role: inv.role, centreId: inv.centreId, centreName: inv.centreName, inviterName: inv.inviterName, expiresAt: iso(inv.expiresAt) } });
    }),
  );

  r.post(
    "/invitations/:token/accept",
    route(async (req, res) => {
      const input = bodyOf(req, acceptInvitationSchema);
      const member = await acceptInvitation(db, req.params.token, input, localeOf(req));
      res.status(201).json({ user: memberJson(member) });
    }),
  );

  r.get(
    "/users",
    route(async (req, res) => {
      const user = requireUser(req);
      if (!can(user, { action: "user:admin" })) throw new DomainError(403, "auth.forbidden");
      const q = queryOf(req, memberListQuerySchema);
      if (q.centreId && !(await getCentre(db, q.centreId))) throw badParam(req, "centreId", "param.expected.unknownCentre", { value: q.centreId });
      const page = await listMembers(db, { ...q, after: q.cursor });
      res.json({
        items: page.items.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
        nextCursor: page.nextCursor,
      });
    }),
  );

  r.post(
    "/users",
    route(async (req, res) => {
      const user = requireUser(req);
      if (!can(user, { action: "user:admin" })) throw new DomainError(403, "auth.forbidden");
      const input = bodyOf(req, newUserSchema);
      const member = await db.transaction((tx) => createMember(tx, input));
      res.status(201).json({ user: memberJson(member) });
    }),
  );

  r.patch(
    "/users/:id",
    route(async (req, res) => {
      const user = requireUser(req);
      if (!can(user, { action: "user:admin" })) throw new DomainError(403, "auth.forbidden");
      const patch = bodyOf(req, userAdminPatchSchema);
      const member = await adminUpdateMember(services, user, req.params.id, patch);
      if (!member) throw notFound();
      res.json({ user: memberJson(member) });
    }),
  );

  return r;
}
