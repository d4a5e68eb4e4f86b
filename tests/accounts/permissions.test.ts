import { describe, expect, it } from "vitest";
import { can, invitableRoles, type Actor, type Permission } from "../../app/modules/accounts/permissions";

const trainer: Actor = { id: "t", role: "trainer", centreId: "paris" };
const host: Actor = { id: "h", role: "host", centreId: "paris" };
const lead: Actor = { id: "l", role: "lead", centreId: "lyon" };
const admin: Actor = { id: "a", role: "admin", centreId: "montreuil" };
const stranger: Actor = null;
const actors = { stranger, trainer, host, lead, admin };

/** Each row: a permission and who may have it, in the order stranger, trainer, host, lead, admin. */
const matrix: [string, Permission, [boolean, boolean, boolean, boolean, boolean]][] = [
  ["see the centres", { action: "centre:view" }, [true, true, true, true, true]],
  ["see profiles", { action: "profile:view" }, [false, true, true, true, true]],
  ["manage own settings", { action: "settings:manage" }, [false, true, true, true, true]],
  ["invite a trainer to Paris", { action: "invitation:create", role: "trainer", centreId: "paris" }, [false, false, true, true, true]],
  ["invite a trainer to Madrid", { action: "invitation:create", role: "trainer", centreId: "madrid" }, [false, false, false, true, true]],
  ["invite a host to Paris", { action: "invitation:create", role: "host", centreId: "paris" }, [false, false, false, true, true]],
  ["invite a lead", { action: "invitation:create", role: "lead", centreId: "paris" }, [false, false, false, true, true]],
  ["invite an admin", { action: "invitation:create", role: "admin", centreId: "paris" }, [false, false, false, false, true]],
  ["see sent invitations", { action: "invitation:manage" }, [false, false, true, true, true]],
  ["administer accounts", { action: "user:admin" }, [false, false, false, false, true]],
  ["change someone else's account", { action: "user:update", userId: "someone" }, [false, false, false, false, true]],
  ["moderate", { action: "moderation:access" }, [false, false, false, true, true]],
];

describe("permission matrix", () => {
  for (const [label, permission, expected] of matrix) {
    it(`${label}: ${expected.map((e, i) => `${Object.keys(actors)[i]}=${e ? "yes" : "no"}`).join(", ")}`, () => {
      expect(Object.values(actors).map((actor) => can(actor, permission))).toEqual(expected);
    });
  }

  it("an admin cannot change their own account through the admin form", () => {
    expect(can(admin, { action: "user:update", userId: "a" })).toBe(false);
  });

  it("a person edits only their own profile", () => {
    expect(can(trainer, { action: "profile:edit", userId: "t" })).toBe(true);
    expect(can(trainer, { action: "profile:edit", userId: "h" })).toBe(false);
    expect(can(admin, { action: "profile:edit", userId: "t" })).toBe(false);
    expect(can(stranger, { action: "profile:edit", userId: "t" })).toBe(false);
  });

  it("offers each role only the roles it may invite to", () => {
    expect(invitableRoles(stranger)).toEqual([]);
    expect(invitableRoles(trainer)).toEqual([]);
    expect(invitableRoles(host)).toEqual(["trainer"]);
    expect(invitableRoles(lead)).toEqual(["trainer", "host", "lead"]);
    expect(invitableRoles(admin)).toEqual(["trainer", "host", "lead", "admin"]);
  });
});
