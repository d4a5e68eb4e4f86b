import { cefrLevels, locales, roles } from "../../../db/schema/accounts";
import { dateTimeSchema, absoluteUrlSchema, pageOf, listOf } from "../platform/api-schemas";
import { cursorParam, decodeJsonCursor, limitParam, textParam } from "../platform/params";
import { bodyText, lineText } from "../platform/validation";
import { z } from "../platform/zod";

// ------------------------------------------------------------------------------------------------ values

export const emailSchema = z.string().trim().min(1).max(254).email().openapi("Email", { description: "Trimmed." });
/** Passwords are never trimmed; the policy (length, common list) is checked where a password is set. */
export const passwordSchema = z.string().min(1).max(1024).openapi("Password", {
  description: "Never trimmed. Where a password is set, the policy applies: 12 to 256 characters, not a common password.",
});
/** A person's name as shown everywhere: one line, something visible (see platform/text.ts). */
export const nameSchema = lineText({ max: 100 }).openapi("Name", {
  description: "One line: NFC, bidirectional and control characters removed, spaces trimmed and collapsed; nothing visible → 422.",
});
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$/, "validation.handle")
  .openapi("Handle", {
    description: "Unique (e.g. `marie.dupont`), what `@handle` mentions use. Trimmed and lower-cased before the check.",
  });
export const roleSchema = z.enum(roles).openapi("Role");
export const localeSchema = z.enum(locales).nullable().openapi("Locale");
export const centreIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .openapi("CentreId", { description: "Trimmed; must name an existing centre (else 422)." });

export const languageEntrySchema = z
  .object({
    code: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, "validation.language").describe("ISO 639 code; trimmed and lower-cased."),
    level: z.enum(cefrLevels),
  })
  .openapi("LanguageLevel");
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

// ------------------------------------------------------------------------------------------------ requests

export const profilePatchSchema = z
  .object({
    name: nameSchema,
    handle: handleSchema,
    bio: bodyText({ min: 0, max: 1000 }).describe("Trimmed, NFC; may be empty, but not made of invisible characters only."),
    skills: skillsSchema.openapi({
      description: "A list, or one comma-separated string; each skill one line (as names are), lower-cased, 1 to 40 characters; at most 30; duplicates dropped.",
    }),
    languages: languagesSchema.openapi({ description: "Replaces the whole list; a repeated code keeps its last level." }),
    locale: localeSchema,
    openToMobility: z.boolean(),
  })
  .partial()
  .strict()
  .openapi("ProfilePatch", { description: "Every field optional." });
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

export const loginSchema = z.object({ email: emailSchema, password: passwordSchema }).openapi("LoginRequest");

export const passwordResetRequestSchema = z.object({ email: emailSchema }).strict().openapi("PasswordResetRequest");
export const passwordResetCompletionSchema = z.object({ password: passwordSchema }).strict().openapi("PasswordResetCompletion");
export const passwordConfirmationSchema = z.object({ password: passwordSchema }).strict().openapi("PasswordConfirmation");
export const passwordChangeSchema = z
  .object({ currentPassword: passwordSchema, newPassword: passwordSchema })
  .strict()
  .openapi("PasswordChange");

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    centreId: centreIdSchema,
    password: passwordSchema,
    handle: handleSchema.optional(),
  })
  .strict()
  .openapi("NewUserRequest");

export const userAdminPatchSchema = z
  .object({
    role: roleSchema,
    centreId: centreIdSchema,
    deactivated: z.boolean().describe("true ends the account's sessions and revokes its tokens."),
  })
  .partial()
  .strict()
  .openapi("UserAdminPatch", { description: "Every field optional." });

export const invitationSchema = z
  .object({ email: emailSchema, role: roleSchema, centreId: centreIdSchema })
  .strict()
  .openapi("InvitationRequest");

export const acceptInvitationSchema = z
  .object({ name: nameSchema, password: passwordSchema, handle: handleSchema.optional() })
  .strict()
  .openapi("AcceptInvitationRequest");

export const tokenNameSchema = z
  .object({ name: lineText({ max: 80 }).describe("One line, as names are.") })
  .strict()
  .openapi("TokenRequest");

// ------------------------------------------------------------------------------------------------ answers

const memberShape = {
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  email: z.string().email(),
  role: roleSchema,
  centreId: z.string(),
  languages: z.array(languageEntrySchema).describe("Strongest level first."),
  skills: z.array(z.string()),
  bio: z.string(),
  locale: localeSchema,
  openToMobility: z.boolean(),
};

export const memberSchema = z.object(memberShape).strict().openapi("Member", { description: "A member as `GET /me` shows them." });
export type MemberJson = z.infer<typeof memberSchema>;
export const userEnvelopeSchema = z.object({ user: memberSchema }).strict();

export const memberListItemSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    email: z.string().email(),
    role: roleSchema,
    centreId: z.string(),
    centreName: z.string(),
    deactivated: z.boolean(),
    createdAt: dateTimeSchema,
  })
  .strict()
  .openapi("MemberListItem");
export const memberPageSchema = pageOf(memberListItemSchema);

export const sessionSchema = z
  .object({
    id: z
      .string()
      .describe("A reference to the session (never the session id, which is the cookie's secret); pass it to DELETE /me/sessions/{id}."),
    current: z.boolean().describe("The session making this request."),
    createdAt: dateTimeSchema.nullable(),
    lastSeenAt: dateTimeSchema.nullable(),
    expiresAt: dateTimeSchema.nullable(),
    userAgent: z.string(),
    ip: z.string(),
  })
  .strict()
  .openapi("Session");
export const sessionListSchema = listOf(sessionSchema);

export const tokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: dateTimeSchema.nullable(), lastUsedAt: dateTimeSchema.nullable() })
  .strict()
  .openapi("Token");
export const tokenListSchema = listOf(tokenSchema);

export const createdTokenSchema = z
  .object({
    id: z.string(),
    token: z.string().describe("The secret (`dcpat_…`), shown this once; only its hash is stored."),
    name: z.string(),
  })
  .strict()
  .openapi("CreatedToken");

export const invitationStatuses = ["pending", "accepted", "expired", "revoked"] as const;

export const createdInvitationSchema = z
  .object({
    id: z.string(),
    url: absoluteUrlSchema.describe("Absolute: `PUBLIC_URL/invitations/<token>`."),
    token: z.string(),
    email: z.string().email(),
    role: roleSchema,
    centreId: z.string(),
    expiresAt: dateTimeSchema.describe("7 days after creation."),
  })
  .strict()
  .openapi("Invitation", { description: "A new invitation: `url` is the page to send, `token` the secret it carries." });

export const invitationListItemSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    centreName: z.string(),
    status: z.enum(invitationStatuses),
    createdAt: dateTimeSchema,
    expiresAt: dateTimeSchema,
  })
  .strict()
  .openapi("InvitationListItem");
export const invitationListSchema = listOf(invitationListItemSchema);

export const invitationLookupSchema = z
  .object({
    email: z.string().email(),
    role: roleSchema,
    centreId: z.string(),
    centreName: z.string(),
    inviterName: z.string(),
    expiresAt: dateTimeSchema,
  })
  .strict()
  .openapi("InvitationLookup");
export const invitationLookupEnvelopeSchema = z.object({ invitation: invitationLookupSchema }).strict();

export const memberExportSchema = z
  .object({
    exportedAt: dateTimeSchema,
    user: z.object({ ...memberShape, deactivated: z.boolean(), createdAt: dateTimeSchema }).strict(),
    sessions: z.array(
      z.object({ createdAt: dateTimeSchema, lastSeenAt: dateTimeSchema, userAgent: z.string(), ip: z.string() }).strict(),
    ),
    tokens: z.array(tokenSchema),
    invitationsSent: z.array(
      z
        .object({
          email: z.string(),
          role: roleSchema,
          centreId: z.string(),
          createdAt: dateTimeSchema,
          acceptedAt: dateTimeSchema.nullable(),
        })
        .strict(),
    ),
    cases: z
      .array(
        z
          .object({ id: z.string(), title: z.string(), status: z.string(), anonymous: z.boolean(), createdAt: dateTimeSchema })
          .strict(),
      )
      .describe("My case studies, anonymous ones included."),
  })
  .strict()
  .openapi("MemberExport", { description: "Everything the platform holds about me." });

export const passwordResetAcceptedSchema = z.object({ status: z.literal("accepted") }).strict();

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
  q: textParam(100).describe("Substring of name, e-mail or handle."),
  role: roleSchema.optional(),
  centreId: z.string().trim().max(80, "param.expected.invalid").optional().describe("A centre's id; one that does not exist → 400 naming it."),
  cursor: cursorParam(decodeMemberCursor).optional().describe("The `nextCursor` of the previous page."),
  limit: limitParam,
});

/** /admin/users: the same, as the page's form names them. */
export const adminUsersPageQuerySchema = z.object({
  q: textParam(200),
  role: roleSchema.optional(),
  centre: z.string().trim().max(80, "param.expected.invalid").optional(),
  after: cursorParam(decodeMemberCursor).optional(),
});
