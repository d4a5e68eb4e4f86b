import { z } from "zod";
import { cefrLevels, locales, roles } from "../../../db/schema/accounts";
import { cursorParam, decodeJsonCursor, limitParam, textParam } from "../platform/params";
import { bodyText, lineText } from "../platform/validation";

export const emailSchema = z.string().trim().min(1).max(254).email();
/** Passwords are never trimmed; the policy (length, common list) is checked where a password is set. */
export const passwordSchema = z.string().min(1).max(1024);
/** A person's name as shown everywhere: one line, something visible (see platform/text.ts). */
export const nameSchema = lineText({ max: 100 });
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$/, "validation.handle");
export const roleSchema = z.enum(roles);
export const centreIdSchema = z.string().trim().min(1).max(80);

export const languageEntrySchema = z.object({
  code: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, "validation.language"),
  level: z.enum(cefrLevels),
});
export const languagesSchema = z
  .array(languageEntrySchema)
  .max(12)
  .transform((list) => [...new Map(list.map((l) => [l.code, l])).values()]);

const skill = lineText({ max: 40 }).transform((s) => s.toLowerCase());
/** Skills come as a list (API) or as one comma-separated field (forms). */
export const skillsSchema = z
  .union([z.array(skill), z.string().transform((s) => s.split(",").map((x) => x.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(skill).max(30))
  .transform((list) => [...new Set(list)]);

export const profilePatchSchema = z
  .object({
    name: nameSchema,
    handle: handleSchema,
    bio: bodyText({ min: 0, max: 1000 }),
    skills: skillsSchema,
    languages: languagesSchema,
    locale: z.enum(locales).nullable(),
    openToMobility: z.boolean(),
  })
  .partial()
  .strict();
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

export const loginSchema = z.object({ email: emailSchema, password: passwordSchema });

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    centreId: centreIdSchema,
    password: passwordSchema,
    handle: handleSchema.optional(),
  })
  .strict();

export const userAdminPatchSchema = z
  .object({ role: roleSchema, centreId: centreIdSchema, deactivated: z.boolean() })
  .partial()
  .strict();

export const invitationSchema = z.object({ email: emailSchema, role: roleSchema, centreId: centreIdSchema }).strict();

export const acceptInvitationSchema = z
  .object({ name: nameSchema, password: passwordSchema, handle: handleSchema.optional() })
  .strict();

export const tokenNameSchema = z.object({ name: lineText({ max: 80 }) }).strict();

// ---------------------------------------------------------------------------------------------------------------
// URL parameters (platform/params.ts)

/** The members list's cursor, `[name, id]` as users.server.ts writes it; null for anything else. */
export function decodeMemberCursor(cursor: string): [string, string] | null {
  const value = decodeJsonCursor(cursor);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [name, id] = value as unknown[];
  return typeof name === "string" && typeof id === "string" && name.length <= 200 && id.length <= 100 ? [name, id] : null;
}

/** `GET /users` (admin): search, filters (an unknown centre is said so by the caller) and paging. */
export const memberListQuerySchema = z.object({
  q: textParam(100),
  role: roleSchema.optional(),
  centreId: z.string().trim().max(80, "param.expected.invalid").optional(),
  cursor: cursorParam(decodeMemberCursor).optional(),
  limit: limitParam,
});

/** /admin/users: the same, as the page's form names them. */
export const adminUsersPageQuerySchema = z.object({
  q: textParam(200),
  role: roleSchema.optional(),
  centre: z.string().trim().max(80, "param.expected.invalid").optional(),
  after: cursorParam(decodeMemberCursor).optional(),
});
