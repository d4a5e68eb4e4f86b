/**
 * The OpenAPI 3.1 description of `/api/v1` (served at `GET /api/v1/openapi.json`). It documents what the routers in
 * `server/api/*.ts` implement, with request schemas mirroring `app/modules/accounts/schemas.ts`,
 * `app/modules/discussions/schemas.ts` and the schemas declared in the routers themselves; keep them in step.
 */

type Json = Record<string, unknown>;

const ref = (name: string, kind: "schemas" | "responses" | "headers" | "parameters" = "schemas"): Json => ({
  $ref: `#/components/${kind}/${name}`,
});

const json = (schema: Json): Json => ({ "application/json": { schema } });

/** A JSON request body (the API also accepts any `application/*+json`). */
const body = (schema: Json, description?: string): Json => ({
  required: true,
  ...(description ? { description } : {}),
  content: json(schema),
});

const ok = (description: string, schema: Json, headers?: Json): Json => ({
  description,
  ...(headers ? { headers } : {}),
  content: json(schema),
});

const noContent = (description: string, headers?: Json): Json => ({ description, ...(headers ? { headers } : {}) });

/** The problems common to every operation that carries a JSON body. */
const bodyProblems = {
  "400": ref("BadRequest", "responses"),
  "413": ref("PayloadTooLarge", "responses"),
  "415": ref("UnsupportedMediaType", "responses"),
  "422": ref("ValidationFailed", "responses"),
};

const setCookie = (what: string): Json => ({ "Set-Cookie": { description: what, schema: { type: "string" } } });

const signedIn = [{ cookieAuth: [] }, { bearerAuth: [] }];

const pathId = (name: string, description: string): Json => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string", minLength: 1 },
});

const userEnvelope: Json = {
  type: "object",
  required: ["user"],
  additionalProperties: false,
  properties: { user: ref("Member") },
};

const problemContent = (schema: Json): Json => ({ "application/problem+json": { schema } });

/** A discussion id (topic, post, notification) in a path: digits only; any other value is simply not found (404). */
const numericId = (name: string, description: string): Json => ({
  name,
  in: "path",
  required: true,
  description: `${description} Any other value than a positive integer id → 404.`,
  schema: ref("Id"),
});

const reactionKind: Json = {
  name: "kind",
  in: "path",
  required: true,
  description: "The reaction; any other value → 404.",
  schema: ref("ReactionKind"),
};

/** `{<key>: <schema>}`, the one-member envelopes the discussions API answers with. */
const envelope = (key: string, schema: Json): Json => ({
  type: "object",
  required: [key],
  additionalProperties: false,
  properties: { [key]: schema },
});

/** `{items, nextCursor}`, a page of a list. */
const page = (item: Json, extra: Json = {}): Json => ({
  type: "object",
  required: ["items", ...Object.keys(extra), "nextCursor"],
  additionalProperties: false,
  properties: {
    items: { type: "array", items: item },
    ...extra,
    nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last." },
  },
});

const problem = (name: string): Json => ref(name, "responses");

export function openApiDocument(publicUrl: string): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Digital Compass API",
      version: "1.0.0",
      summary:
        "The public API v1 of Digital Compass: accounts, invitations, tokens, the network's centres, discussions, search, " +
        "notifications and moderation.",
      description: [
        "JSON in and out, under `/api/v1`. Ids are strings. Times are ISO-8601 UTC.",
        "",
        "**Auth.** Either the web session cookie `dc_session` (set by `POST /auth/login`), or",
        "`Authorization: Bearer <personal access token>` (created with `POST /tokens`). A cookie-authenticated",
        "request that changes state (POST, PUT, PATCH, DELETE) must carry an `Origin` (or `Referer`) of `PUBLIC_URL`;",
        "otherwise 403. A request with a foreign `Origin` is refused the same way. Bearer-token requests need no",
        "`Origin`. An `Authorization` header that names no valid token answers 401, even on public operations.",
        "",
        "**Errors** are `application/problem+json` (RFC 9457): `{type,title,status,detail}` plus",
        "`errors: {field: [message]}` for validation, in the caller's language. 400 malformed body, 401 not signed in,",
        "403 not allowed, 404 absent or not visible to you, 409 conflict or invalid state change, 413 too large",
        "(bodies are limited to 256 kB), 415 not JSON, 422 invalid fields, 429 too many (with `Retry-After`).",
        "Never a 500 for anything a client sent.",
        "",
        "**Lists**: `?limit=` (default 20, max 100) and `?cursor=`; answer `{items, nextCursor}` (`nextCursor` null on",
        "the last page). Small reference lists (centres) answer the whole array, unpaginated.",
        "",
        "**Roles**: `trainer`, `host` (manages one centre's mobility offers), `lead` (network lead: moderates, runs",
        "match rounds), `admin` (everything a lead may do, and more). Every user belongs to one centre.",
        "",
        "**Markdown** goes in as `body`; it comes out as `body` (source) and `bodyHtml`: rendered by marked, then",
        "sanitised to an allowlist (no style, no script, no event handler). `@handle` mentions of active members",
        "become links and notify them. Every topic and post carries `url`: its page in the web UI, absolute",
        "(`PUBLIC_URL` + path; for a post, with its anchor).",
        "",
        "**Writes are visible to the next read**: a reply is in the topic, a notification in the list and a search hit",
        "in the results once the write has been answered (a job queue may send e-mails later, not these).",
        "",
        "**Live events** (see `x-socket-events`). Socket.IO on the same origin, default path (`/socket.io/`). The",
        "handshake authenticates like HTTP: the session cookie (a cookie-authenticated handshake must come from",
        "`PUBLIC_URL`'s origin) or `auth: {token}` with a personal access token (no Origin needed); otherwise",
        "`connect_error` with message `unauthorized`. Server → client: `notification:new`, one new notification of",
        "mine (schema `NotificationPush`), pushed to every open socket of mine once the change that made it is committed.",
      ].join("\n"),
    },
    servers: [{ url: `${publicUrl}/api/v1`, description: "API v1" }],
    tags: [
      { name: "Accounts", description: "Sign-in, profile, sessions, personal access tokens, invitations and user administration." },
      { name: "Centres", description: "The centres of the network (public)." },
      { name: "Discussions", description: "Categories, tags, topics, threaded replies, revisions, reactions, accepted answers and subscriptions." },
      { name: "Search", description: "Full-text search over what the caller may see." },
      { name: "Cases", description: "Case studies: structured, optionally anonymous, reviewed when they may identify someone; identity reveal and approaches that helped." },
      { name: "Notifications", description: "My notifications (also pushed live as `notification:new`)." },
      { name: "Moderation", description: "Moderation actions on topics (lock, unlock, pin, unpin) and the moderation log (leads and admins)." },
      { name: "Composer", description: "Helpers for writing: the markdown preview and @mention suggestions." },
      { name: "Platform", description: "Health check and this description." },
    ],
    security: signedIn,
    "x-socket-events": {
      "notification:new": {
        direction: "server-to-client",
        transport: "Socket.IO, same origin, default path; the handshake authenticates with the session cookie or `auth: {token}`.",
        summary: "A new notification of mine",
        description:
          "Pushed to every open socket of the person notified once the change that made it is committed (a reply, a " +
          "mention, an accepted answer, a new topic in a category or tag they follow). It is in `GET /notifications` too.",
        payload: ref("NotificationPush"),
      },
    },
    paths: {
      // ---------------------------------------------------------------- Accounts: sign-in
      "/auth/login": {
        post: {
          operationId: "login",
          summary: "Sign in",
          description:
            "Checks the credentials and opens a new session (a fresh id; a session cookie already sent is ended). " +
            "401 on bad credentials — the same answer for an unknown e-mail and a wrong password. After repeated " +
            "failures (per account and per address, in a 15-minute window) the answer is 429 with `Retry-After`.",
          tags: ["Accounts"],
          security: [],
          requestBody: body(ref("LoginRequest")),
          responses: {
            "200": ok("Signed in: the member, and the session cookie.", userEnvelope, setCookie("`dc_session=…; HttpOnly; SameSite=Lax; Path=/`")),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "429": ref("TooManyRequests", "responses"),
          },
        },
      },
      "/auth/logout": {
        post: {
          operationId: "logout",
          summary: "Sign out",
          description: "Ends the current session and clears the cookie. Answers 204 also when there is no session.",
          tags: ["Accounts"],
          security: [{ cookieAuth: [] }, {}],
          responses: {
            "204": noContent("Signed out.", setCookie("A blank `dc_session` cookie (when a session was ended).")),
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "415": ref("UnsupportedMediaType", "responses"),
          },
        },
      },
      "/auth/password-reset": {
        post: {
          operationId: "requestPasswordReset",
          summary: "Ask for a password reset link",
          description:
            "Answers 202 whether or not the e-mail belongs to an account; when it does (and the account is active) " +
            "a single-use link valid 60 minutes is e-mailed. A few requests per address per hour at most, silently.",
          tags: ["Accounts"],
          security: [],
          requestBody: body(ref("PasswordResetRequest")),
          responses: {
            "202": ok("Accepted (whether or not the address exists).", {
              type: "object",
              required: ["status"],
              additionalProperties: false,
              properties: { status: { const: "accepted" } },
            }),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
          },
        },
      },
      "/auth/password-reset/{token}": {
        post: {
          operationId: "resetPassword",
          summary: "Set a new password with a reset link",
          description:
            "Uses the link once: sets the password (the password policy applies: 12 to 256 characters, not a " +
            "common password), ends every session of the account and opens a new one here. 404 when the link is " +
            "unknown, used or expired.",
          tags: ["Accounts"],
          security: [],
          parameters: [pathId("token", "The secret from the e-mailed link.")],
          requestBody: body(ref("PasswordResetCompletion")),
          responses: {
            "200": ok("Password changed and signed in.", userEnvelope, setCookie("The new `dc_session` cookie.")),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "404": ref("NotFound", "responses"),
          },
        },
      },

      // ---------------------------------------------------------------- Accounts: me
      "/me": {
        get: {
          operationId: "getMe",
          summary: "Who am I",
          tags: ["Accounts"],
          security: signedIn,
          responses: {
            "200": ok("The signed-in member.", userEnvelope),
            "401": ref("Unauthorized", "responses"),
          },
        },
        patch: {
          operationId: "updateMe",
          summary: "Change my profile",
          description:
            "Any subset of the profile fields. `handle` is unique (409 when taken); `languages` replaces the whole list.",
          tags: ["Accounts"],
          security: signedIn,
          requestBody: body(ref("ProfilePatch")),
          responses: {
            "200": ok("The updated member.", userEnvelope),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "409": ref("Conflict", "responses"),
          },
        },
        delete: {
          operationId: "deleteMe",
          summary: "Erase my account",
          description:
            "Needs my password (a wrong one → 422). Personal data erased, my content stays attributed to " +
            '"deleted user"; every session and token ends.',
          tags: ["Accounts"],
          security: signedIn,
          requestBody: body(ref("PasswordConfirmation")),
          responses: {
            "204": noContent("Erased.", setCookie("A blank `dc_session` cookie.")),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "404": ref("NotFound", "responses"),
          },
        },
      },
      "/me/export": {
        get: {
          operationId: "exportMe",
          summary: "Export all of my data",
          description: "All of my data as JSON, as an attachment (`digital-compass-<handle>.json`).",
          tags: ["Accounts"],
          security: signedIn,
          responses: {
            "200": ok("My data.", ref("MemberExport"), {
              "Content-Disposition": {
                description: 'attachment; filename="digital-compass-<handle>.json"',
                schema: { type: "string" },
              },
            }),
            "401": ref("Unauthorized", "responses"),
            "404": ref("NotFound", "responses"),
          },
        },
      },
      "/me/password": {
        post: {
          operationId: "changePassword",
          summary: "Change my password",
          description:
            "The current password is required (wrong → 422 on `currentPassword`); the new one must meet the policy " +
            "(12 to 256 characters, not a common password; else 422 on `newPassword`). Every other session ends.",
          tags: ["Accounts"],
          security: signedIn,
          requestBody: body(ref("PasswordChange")),
          responses: {
            "204": noContent("Password changed."),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
          },
        },
      },
      "/me/sessions": {
        get: {
          operationId: "listMySessions",
          summary: "My open sessions",
          description: "Most recently active first; `current` marks the session making the request.",
          tags: ["Accounts"],
          security: signedIn,
          responses: {
            "200": ok("My sessions.", {
              type: "object",
              required: ["items"],
              additionalProperties: false,
              properties: { items: { type: "array", items: ref("Session") } },
            }),
            "401": ref("Unauthorized", "responses"),
          },
        },
        delete: {
          operationId: "signOutEverywhere",
          summary: "Sign out everywhere else",
          description: "Ends every session of mine but the one making the request.",
          tags: ["Accounts"],
          security: signedIn,
          responses: {
            "204": noContent("Other sessions ended."),
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "415": ref("UnsupportedMediaType", "responses"),
          },
        },
      },
      "/me/sessions/{id}": {
        delete: {
          operationId: "revokeMySession",
          summary: "End one of my sessions",
          description: "Another person's session id is simply not found (404).",
          tags: ["Accounts"],
          security: signedIn,
          parameters: [pathId("id", "The session id.")],
          responses: {
            "204": noContent("Session ended."),
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "404": ref("NotFound", "responses"),
            "415": ref("UnsupportedMediaType", "responses"),
          },
        },
      },

      // ---------------------------------------------------------------- Accounts: tokens
      "/tokens": {
        get: {
          operationId: "listTokens",
          summary: "My personal access tokens",
          description: "Newest first; the secrets themselves are never shown again.",
          tags: ["Accounts"],
          security: signedIn,
          responses: {
            "200": ok("My tokens.", {
              type: "object",
              required: ["items"],
              additionalProperties: false,
              properties: { items: { type: "array", items: ref("Token") } },
            }),
            "401": ref("Unauthorized", "responses"),
          },
        },
        post: {
          operationId: "createToken",
          summary: "Create a personal access token",
          description: "The token is shown once (in this answer) and stored hashed. Use it as `Authorization: Bearer <token>`.",
          tags: ["Accounts"],
          security: signedIn,
          requestBody: body(ref("TokenRequest")),
          responses: {
            "201": ok("Created.", ref("CreatedToken")),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
          },
        },
      },
      "/tokens/{id}": {
        delete: {
          operationId: "revokeToken",
          summary: "Revoke a personal access token",
          description: "Someone else's token id is simply not found (404).",
          tags: ["Accounts"],
          security: signedIn,
          parameters: [pathId("id", "The token's id (not its secret).")],
          responses: {
            "204": noContent("Revoked."),
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "404": ref("NotFound", "responses"),
            "415": ref("UnsupportedMediaType", "responses"),
          },
        },
      },

      // ---------------------------------------------------------------- Accounts: invitations
      "/invitations": {
        get: {
          operationId: "listInvitations",
          summary: "Invitations I sent",
          description:
            "Hosts, leads and admins (trainers → 403). The 50 most recent invitations I sent, newest first; admins see everyone's.",
          tags: ["Accounts"],
          security: signedIn,
          responses: {
            "200": ok("Invitations.", {
              type: "object",
              required: ["items"],
              additionalProperties: false,
              properties: { items: { type: "array", items: ref("InvitationListItem") } },
            }),
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
          },
        },
        post: {
          operationId: "createInvitation",
          summary: "Invite someone",
          description:
            "A host invites trainers of their own centre; leads invite anyone to any role below admin; only admins " +
            "invite admins (otherwise 403). The link is single-use and valid 7 days; it is e-mailed to the invitee " +
            "and returned here: `url` is the page to send, `token` the secret it carries. 409 when an account " +
            "already uses the e-mail; 422 for an unknown `centreId`.",
          tags: ["Accounts"],
          security: signedIn,
          requestBody: body(ref("InvitationRequest")),
          responses: {
            "201": ok("Invitation created.", ref("Invitation")),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "409": ref("Conflict", "responses"),
          },
        },
      },
      "/invitations/{idOrToken}": {
        get: {
          operationId: "getInvitation",
          summary: "Look up an invitation link",
          description: "Public: what the invitation page shows. 404 when the link is unknown, used, revoked or expired.",
          tags: ["Accounts"],
          security: [],
          parameters: [pathId("idOrToken", "The invitation link's token.")],
          responses: {
            "200": ok("The open invitation.", {
              type: "object",
              required: ["invitation"],
              additionalProperties: false,
              properties: { invitation: ref("InvitationLookup") },
            }),
            "401": ref("Unauthorized", "responses"),
            "404": ref("NotFound", "responses"),
          },
        },
        delete: {
          operationId: "revokeInvitation",
          summary: "Revoke an invitation",
          description:
            "Hosts, leads and admins (trainers → 403), for an invitation they sent (admins: any) that is not yet " +
            "accepted; otherwise 404.",
          tags: ["Accounts"],
          security: signedIn,
          parameters: [pathId("idOrToken", "The invitation's `id` (as listed by `GET /invitations`), not its token.")],
          responses: {
            "204": noContent("Revoked."),
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "404": ref("NotFound", "responses"),
            "415": ref("UnsupportedMediaType", "responses"),
          },
        },
      },
      "/invitations/{token}/accept": {
        post: {
          operationId: "acceptInvitation",
          summary: "Accept an invitation",
          description:
            "Creates the account with the invitation's e-mail, role and centre, once (404 when the link is unknown, " +
            "used, revoked or expired). `handle` is optional and derived from the name when omitted (409 when taken); " +
            "the password policy applies (12 to 256 characters, not a common password). Does not sign in.",
          tags: ["Accounts"],
          security: [],
          parameters: [pathId("token", "The invitation link's token.")],
          requestBody: body(ref("AcceptInvitationRequest")),
          responses: {
            "201": ok("Account created.", userEnvelope),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "404": ref("NotFound", "responses"),
            "409": ref("Conflict", "responses"),
          },
        },
      },

      // ---------------------------------------------------------------- Accounts: administration
      "/users": {
        get: {
          operationId: "listUsers",
          summary: "The directory of accounts (admin only)",
          description:
            "Admin only. Filtered by `q` (name, e-mail or handle), `role` and `centreId`; sorted by name; paginated " +
            "with `limit` and `cursor`. Erased accounts are left out. A bad parameter or cursor → 400.",
          tags: ["Accounts"],
          security: signedIn,
          parameters: [
            { name: "q", in: "query", description: "Substring of name, e-mail or handle.", schema: { type: "string", maxLength: 100 } },
            { name: "role", in: "query", schema: ref("Role") },
            { name: "centreId", in: "query", schema: { type: "string", maxLength: 80 } },
            ref("Cursor", "parameters"),
            ref("Limit", "parameters"),
          ],
          responses: {
            "200": ok("A page of accounts.", {
              type: "object",
              required: ["items", "nextCursor"],
              additionalProperties: false,
              properties: {
                items: { type: "array", items: ref("MemberListItem") },
                nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last." },
              },
            }),
            "400": ref("BadRequest", "responses"),
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
          },
        },
        post: {
          operationId: "createUser",
          summary: "Create an account (admin only)",
          description:
            "Admin only. `handle` is optional and derived from the name when omitted. The password policy applies " +
            "(12 to 256 characters, not a common password). 409 when the e-mail or handle is taken; 422 for an " +
            "unknown `centreId`.",
          tags: ["Accounts"],
          security: signedIn,
          requestBody: body(ref("NewUserRequest")),
          responses: {
            "201": ok("Account created.", userEnvelope),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "409": ref("Conflict", "responses"),
          },
        },
      },
      "/users/{id}": {
        patch: {
          operationId: "updateUser",
          summary: "Change an account's role, centre or activation (admin only)",
          description:
            "Admin only. Deactivating ends the account's sessions and revokes its tokens at once. An admin cannot " +
            "change their own account this way (409). 404 for an unknown or erased account; 422 for an unknown `centreId`.",
          tags: ["Accounts"],
          security: signedIn,
          parameters: [pathId("id", "The user's id.")],
          requestBody: body(ref("UserAdminPatch")),
          responses: {
            "200": ok("The updated member.", userEnvelope),
            ...bodyProblems,
            "401": ref("Unauthorized", "responses"),
            "403": ref("Forbidden", "responses"),
            "404": ref("NotFound", "responses"),
            "409": ref("Conflict", "responses"),
          },
        },
      },

      // ---------------------------------------------------------------- Centres
      "/centres": {
        get: {
          operationId: "listCentres",
          summary: "The centres of the network",
          description: "Public. The whole list, unpaginated, sorted by country, organisation and city.",
          tags: ["Centres"],
          security: [],
          responses: {
            "200": ok("Every centre.", { type: "array", items: ref("Centre") }),
            "401": ref("Unauthorized", "responses"),
          },
        },
      },
      "/centres/{id}": {
        get: {
          operationId: "getCentre",
          summary: "One centre",
          description: "Public. The centre, with its description in French and English and its number of active members.",
          tags: ["Centres"],
          security: [],
          parameters: [pathId("id", "The centre's id.")],
          responses: {
            "200": ok("The centre.", ref("CentreDetail")),
            "401": ref("Unauthorized", "responses"),
            "404": ref("NotFound", "responses"),
          },
        },
      },

      // ---------------------------------------------------------------- Discussions: categories and tags
      "/categories": {
        get: {
          operationId: "listCategories",
          summary: "The discussion categories",
          description:
            "A small reference list: the whole array, unpaginated, in the leads' order. `name` and `description` are " +
            "in the caller's language (French, else English).",
          tags: ["Discussions"],
          security: signedIn,
          responses: {
            "200": ok("Every category.", { type: "array", items: ref("Category") }),
            "401": problem("Unauthorized"),
          },
        },
        post: {
          operationId: "createCategory",
          summary: "Create a category (lead, admin)",
          description: "Leads and admins (others → 403). 409 when a category already has this `id`.",
          tags: ["Discussions"],
          security: signedIn,
          requestBody: body(ref("CategoryRequest")),
          responses: {
            "201": ok("Created.", ref("CategoryDetail")),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "409": problem("Conflict"),
          },
        },
      },
      "/categories/{id}": {
        patch: {
          operationId: "updateCategory",
          summary: "Change a category (lead, admin)",
          description:
            "Leads and admins (others → 403). Replaces the names, descriptions and position (an omitted description " +
            "becomes empty, an omitted position 0). 404 for an unknown category.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [pathId("id", "The category's id.")],
          requestBody: body(ref("CategoryPatch")),
          responses: {
            "200": ok("The updated category.", ref("CategoryDetail")),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
          },
        },
      },
      "/tags": {
        get: {
          operationId: "listTags",
          summary: "The shared tag taxonomy",
          description:
            "A small reference list: the whole array, unpaginated, by group then slug, with how many visible topics " +
            "use each tag. `label` is in the caller's language.",
          tags: ["Discussions"],
          security: signedIn,
          responses: {
            "200": ok("Every tag.", { type: "array", items: ref("Tag") }),
            "401": problem("Unauthorized"),
          },
        },
        post: {
          operationId: "upsertTag",
          summary: "Create or change a tag (lead, admin)",
          description:
            "Leads and admins (others → 403). Creates the tag, or replaces the group and labels of the tag with this " +
            "`slug`; answers 201 either way. Empty optional labels are dropped.",
          tags: ["Discussions"],
          security: signedIn,
          requestBody: body(ref("TagRequest")),
          responses: {
            "201": ok("The tag as now stored.", ref("Tag")),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
          },
        },
      },
      "/tags/{slug}/merge": {
        post: {
          operationId: "mergeTag",
          summary: "Merge a tag into another (lead, admin)",
          description:
            "Leads and admins (others → 403). Every topic tagged `slug` gets `into` instead, followers of `slug` follow " +
            "`into`, and `slug` is removed; one transaction. 409 when both are the same tag; 422 (on `tag`) when " +
            "either does not exist.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [pathId("slug", "The tag to merge away.")],
          requestBody: body(ref("TagMergeRequest")),
          responses: {
            "200": ok("The tag merged into.", ref("Tag")),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "409": problem("Conflict"),
          },
        },
      },

      // ---------------------------------------------------------------- Discussions: topics
      "/topics": {
        get: {
          operationId: "listTopics",
          summary: "List topics",
          description:
            "Visible discussion topics, filtered by `category`, `tag` (repeated tags combine with AND) and `language`, " +
            "sorted by `sort`: `active` (default, latest reply first), `latest` (newest topic first) or `unanswered` " +
            "(newest topics with no reply yet). Within a category, pinned topics lead. A bad parameter or cursor → 400.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [
            { name: "category", in: "query", description: "A category id.", schema: { type: "string", maxLength: 50 } },
            {
              name: "tag",
              in: "query",
              description: "A tag slug; repeat (`?tag=a&tag=b`) for topics carrying all of them.",
              schema: { type: "array", items: { type: "string" } },
              style: "form",
              explode: true,
            },
            { name: "language", in: "query", schema: ref("ContentLanguage") },
            { name: "sort", in: "query", schema: { type: "string", enum: ["latest", "active", "unanswered"], default: "active" } },
            ref("Limit", "parameters"),
            {
              name: "cursor",
              in: "query",
              description: "The `nextCursor` of the previous page (opaque).",
              schema: { type: "string", maxLength: 200 },
            },
          ],
          responses: {
            "200": ok("A page of topics.", page(ref("TopicListItem"))),
            "400": problem("BadRequest"),
            "401": problem("Unauthorized"),
          },
        },
        post: {
          operationId: "createTopic",
          summary: "Start a topic",
          description:
            "Any signed-in member. `categoryId` and every tag must exist (else 422 on that field). The author watches " +
            "the topic from then on; people mentioned, and followers of the category or of one of its tags, are notified.",
          tags: ["Discussions"],
          security: signedIn,
          requestBody: body(ref("NewTopicRequest")),
          responses: {
            "201": ok("Created.", envelope("topic", ref("Topic"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
          },
        },
      },
      "/topics/{id}": {
        get: {
          operationId: "getTopic",
          summary: "A topic with a page of its replies",
          description:
            "The topic and one page of its replies: up to `limit` first-level replies in order, each followed by its " +
            "whole tree (any depth), depth-first; at most 400 posts per page. `parentId` null means a reply to the topic " +
            "itself. A deleted reply stays as a placeholder (`deleted`, no author, empty body) so the tree keeps its " +
            "shape; a hidden one is blanked the same way for everyone but leads and admins. Hidden and deleted topics " +
            "are 404 (hidden ones are shown to leads and admins). Opening a topic counts a view and moves my read position. " +
            "A bad `cursor` or `limit` → 400.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The topic's id."), ref("IdCursor", "parameters"), ref("Limit", "parameters")],
          responses: {
            "200": ok("The topic and a page of replies.", {
              type: "object",
              required: ["topic", "posts", "nextCursor"],
              additionalProperties: false,
              properties: {
                topic: ref("Topic"),
                posts: { type: "array", items: ref("Post") },
                nextCursor: {
                  type: ["string", "null"],
                  description: "Pass as `cursor` for the next first-level replies; null on the last page.",
                },
              },
            }),
            "400": problem("BadRequest"),
            "401": problem("Unauthorized"),
            "404": problem("NotFound"),
          },
        },
        patch: {
          operationId: "updateTopic",
          summary: "Edit a topic (author or lead)",
          description:
            "The topic's author, or a lead or admin (others → 403). Any subset of the fields; `tags` replaces the whole " +
            "list. A changed title or text keeps the earlier version whole in the topic's revision history (`GET " +
            "/topics/{id}/revisions`); people newly " +
            "mentioned are notified. `categoryId` and every tag must exist (else 422).",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The topic's id.")],
          requestBody: body(ref("TopicPatch")),
          responses: {
            "200": ok("The updated topic.", envelope("topic", ref("Topic"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
          },
        },
      },
      "/topics/{id}/revisions": {
        get: {
          operationId: "listTopicRevisions",
          summary: "A topic's earlier versions",
          description:
            "Each earlier title and text whole, oldest first, with who wrote it; the current version is the topic itself. " +
            "Only title and text changes are kept (not tags or category). 404 for a deleted topic, or a hidden one (but to " +
            "leads and admins), or an id that is not a number.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The topic's id.")],
          responses: {
            "200": ok("The earlier versions.", {
              type: "object",
              required: ["items"],
              additionalProperties: false,
              properties: { items: { type: "array", items: ref("TopicRevision") } },
            }),
            "401": problem("Unauthorized"),
            "404": problem("NotFound"),
          },
        },
      },
      "/topics/{id}/posts": {
        post: {
          operationId: "createReply",
          summary: "Reply to a topic or to a reply",
          description:
            "Without `parentId` (or with null) a reply to the topic itself; otherwise to that reply of the same topic " +
            "(another topic's, or one I may not see → 422 on `parentId`; a deleted one → 409). 409 when the topic is " +
            "locked; 404 when it is hidden or deleted. I watch the topic from then on; the person replied to, people " +
            "mentioned and the topic's watchers are notified.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The topic's id.")],
          requestBody: body(ref("NewPostRequest")),
          responses: {
            "201": ok("Created.", envelope("post", ref("Post"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
            "409": problem("Conflict"),
          },
        },
      },
      "/topics/{id}/accept": {
        post: {
          operationId: "acceptAnswer",
          summary: "Mark the reply that solved it (topic author or lead)",
          description:
            "The topic's author, or a lead or admin (others → 403). `postId` names a visible reply of this topic (else " +
            "422 on `postId`); null clears the accepted answer. The reply's author is notified.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The topic's id.")],
          requestBody: body(ref("AcceptRequest")),
          responses: {
            "200": ok("The updated topic.", envelope("topic", ref("Topic"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
          },
        },
      },
      "/topics/{id}/subscription": {
        put: {
          operationId: "setTopicSubscription",
          summary: "Watch or mute a topic",
          description:
            "`watching` (the default, also with no body): notified of every reply. `muted`: no notification about this " +
            "topic at all, not even mentions.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The topic's id.")],
          requestBody: { ...body(ref("SubscriptionRequest")), required: false },
          responses: {
            "200": ok("My subscription to the topic.", envelope("subscription", ref("Subscription"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
          },
        },
        delete: {
          operationId: "deleteTopicSubscription",
          summary: "Stop watching or muting a topic",
          description: "Back to the default: notified only of replies to me and mentions. 204 also when there was no subscription.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The topic's id.")],
          responses: {
            "204": noContent("Subscription removed."),
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
            "415": problem("UnsupportedMediaType"),
          },
        },
      },

      // ---------------------------------------------------------------- Discussions: posts
      "/posts/{id}": {
        get: {
          operationId: "getPost",
          summary: "One reply",
          description: "404 when it or its topic is absent or not visible to me; a deleted reply answers its placeholder.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The post's id.")],
          responses: {
            "200": ok("The reply.", envelope("post", ref("Post"))),
            "401": problem("Unauthorized"),
            "404": problem("NotFound"),
          },
        },
        patch: {
          operationId: "updatePost",
          summary: "Edit a reply (author or lead)",
          description:
            "The reply's author, or a lead or admin (others → 403). Keeps a revision: the earlier version whole, listed " +
            "by `GET /posts/{id}/revisions`. People newly mentioned are notified. 404 for a deleted reply.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The post's id.")],
          requestBody: body(ref("PostPatch")),
          responses: {
            "200": ok("The updated reply.", envelope("post", ref("Post"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
          },
        },
        delete: {
          operationId: "deletePost",
          summary: "Delete a reply (author or lead)",
          description:
            "The reply's author, or a lead or admin (others → 403). A placeholder keeps the tree: the replies under it " +
            "keep their place. A deleted accepted answer is no longer accepted. 404 when already deleted.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The post's id.")],
          responses: {
            "204": noContent("Deleted."),
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
            "415": problem("UnsupportedMediaType"),
          },
        },
      },
      "/posts/{id}/revisions": {
        get: {
          operationId: "listPostRevisions",
          summary: "A reply's earlier versions",
          description:
            "Each earlier version whole, oldest first, with who wrote it; the current version is the reply itself. " +
            "404 for a deleted reply, or a hidden one (but to leads and admins).",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The post's id.")],
          responses: {
            "200": ok("The earlier versions.", {
              type: "object",
              required: ["items"],
              additionalProperties: false,
              properties: { items: { type: "array", items: ref("Revision") } },
            }),
            "401": problem("Unauthorized"),
            "404": problem("NotFound"),
          },
        },
      },
      "/posts/{id}/reactions/{kind}": {
        put: {
          operationId: "addReaction",
          summary: "React to a reply",
          description: "Idempotent: reacting twice with the same kind counts once. 404 for an unknown kind, or a deleted or hidden reply.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The post's id."), reactionKind],
          responses: {
            "200": ok("The reply with its reaction counts.", envelope("post", ref("Post"))),
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
            "415": problem("UnsupportedMediaType"),
          },
        },
        delete: {
          operationId: "removeReaction",
          summary: "Take back a reaction",
          description: "Idempotent: removing a reaction I did not make changes nothing. 404 for an unknown kind, or a deleted or hidden reply.",
          tags: ["Discussions"],
          security: signedIn,
          parameters: [numericId("id", "The post's id."), reactionKind],
          responses: {
            "200": ok("The reply with its reaction counts.", envelope("post", ref("Post"))),
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
            "415": problem("UnsupportedMediaType"),
          },
        },
      },

      // ---------------------------------------------------------------- Moderation
      "/moderation/actions": {
        post: {
          operationId: "createModerationAction",
          summary: "Lock, unlock, pin or unpin a topic (lead, admin)",
          description:
            "Leads and admins (others → 403). Implemented for `targetType: \"topic\"` with `action` lock, unlock, pin " +
            "or unpin: a locked topic takes no new reply (409), a pinned one leads its category's list. Recorded in the " +
            "moderation log with who and why. 404 for an absent or deleted topic.",
          tags: ["Moderation"],
          security: signedIn,
          requestBody: body(ref("ModerationActionRequest")),
          responses: {
            "201": ok("Done and logged.", envelope("action", ref("ModerationAction"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
          },
        },
      },
      "/moderation/log": {
        get: {
          operationId: "listModerationLog",
          summary: "The moderation log (lead, admin)",
          description: "Leads and admins (others → 403). Every moderation action: who, when, why; newest first. A bad parameter → 400.",
          tags: ["Moderation"],
          security: signedIn,
          parameters: [
            ref("IdCursor", "parameters"),
            { name: "limit", in: "query", description: "Page size.", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
          ],
          responses: {
            "200": ok("A page of the log.", page(ref("ModerationLogEntry"))),
            "400": problem("BadRequest"),
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
          },
        },
      },

      // ---------------------------------------------------------------- Case studies
      "/cases": {
        get: {
          operationId: "listCases",
          summary: "List case studies",
          description:
            "Published cases (or, with `status`, the leads' review queue or your own), newest first unless `sort` says " +
            "otherwise. Repeated `tag` combine with AND. An anonymous case's `author` is null for everyone but its author. " +
            "`facets=true` adds counts per tag (by group), language, country and follow-up for the current filters. A bad parameter → 400.",
          tags: ["Cases"],
          security: signedIn,
          parameters: [
            { name: "tag", in: "query", schema: { type: "array", items: { type: "string" } }, description: "Tag slugs (AND)." },
            { name: "language", in: "query", schema: { type: "array", items: ref("ContentLanguage") } },
            { name: "country", in: "query", schema: { type: "array", items: { type: "string", pattern: "^[A-Z]{2}$" } } },
            { name: "hasFollowUp", in: "query", schema: { type: "string", enum: ["true", "false"] } },
            { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "Full-text search, stemmed per language." },
            { name: "sort", in: "query", schema: { type: "string", enum: ["recent", "helpful", "discussed"], default: "recent" } },
            { name: "status", in: "query", schema: { type: "string", enum: ["published", "awaiting-review", "mine"], default: "published" }, description: "`awaiting-review`: leads and admins only (else 403)." },
            { name: "facets", in: "query", schema: { type: "string", enum: ["true"] } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
          responses: {
            "200": ok("A page of cases.", page(ref("CaseListItem"), { facets: { type: "object" } })),
            "400": problem("BadRequest"),
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
          },
        },
        post: {
          operationId: "createCase",
          summary: "Share a case study",
          description:
            "Published at once (`status` `published`), with its discussion topic. Where the text looks like it names or " +
            "contacts someone (e-mail, phone, full name, address, company next to a learner) → 422 with the findings per " +
            "field in `errors`, unless `acknowledgeWarnings` is true: then stored `in-review` for a lead. Sensitive " +
            "categories (health, disability, religion) never block: they come back as `warnings`.",
          tags: ["Cases"],
          security: signedIn,
          requestBody: body({ ...ref("CaseInput"), required: ["title", "situation", "language", "noIdentifiablePeople"] } as Json),
          responses: {
            "201": ok("The case, and the sensitive-category warnings.", { type: "object", required: ["case", "warnings"], properties: { case: ref("Case"), warnings: { type: "array", items: ref("Finding") } } }),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
          },
        },
      },
      "/cases/{id}": {
        get: {
          operationId: "getCase",
          summary: "A case study",
          description: "A case not published is visible to its author, leads and admins only (404 to others).",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case.")],
          responses: { "200": ok("The case.", envelope("case", ref("Case"))), "401": problem("Unauthorized"), "404": problem("NotFound") },
        },
        patch: {
          operationId: "updateCase",
          summary: "Edit (and resubmit) a case study",
          description:
            "The author only (others → 403, or 404 when they may not see it). Same fields as creating, all optional but " +
            "`noIdentifiablePeople`. A case sent back or in review goes (back) to `in-review`; a published one stays published " +
            "unless the new text has findings (422, or `in-review` with `acknowledgeWarnings`).",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case.")],
          requestBody: body({ ...ref("CaseInput"), required: ["noIdentifiablePeople"] } as Json),
          responses: {
            "200": ok("The case, and the sensitive-category warnings.", { type: "object", required: ["case", "warnings"], properties: { case: ref("Case"), warnings: { type: "array", items: ref("Finding") } } }),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
          },
        },
      },
      "/cases/{id}/review": {
        post: {
          operationId: "reviewCase",
          summary: "Publish a case in review, or send it back (lead, admin)",
          description: "Only a case `in-review` (else 409). `request-changes` needs a `comment`. Logged in the moderation log; the author is notified (kind `case-review`).",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case.")],
          requestBody: body({
            type: "object",
            required: ["decision"],
            additionalProperties: false,
            properties: { decision: { type: "string", enum: ["publish", "request-changes"] }, comment: { type: "string", maxLength: 5000 } },
          }),
          responses: {
            "200": ok("The case.", envelope("case", ref("Case"))),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
            "409": problem("Conflict"),
          },
        },
      },
      "/cases/{id}/identity": {
        get: {
          operationId: "revealCaseIdentity",
          summary: "Who wrote a case (lead, admin)",
          description: "The only way a lead or an admin learns who wrote an anonymous case. Written to the moderation log with its reason; the author is notified (kind `identity-reveal`). A missing or blank reason → 422.",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case."), { name: "reason", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: 1000 } }],
          responses: {
            "200": ok("The author.", envelope("author", ref("PersonRef"))),
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
            "404": problem("NotFound"),
            "422": problem("ValidationFailed"),
          },
        },
      },
      "/cases/{id}/helped/{postId}": {
        put: {
          operationId: "markCaseHelped",
          summary: "Mark a reply as an approach that helped (the case's author)",
          description: "Any number of replies of the case's discussion; idempotent. Others → 403; a reply of another topic → 404.",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case."), numericId("postId", "A reply in the case's discussion.")],
          responses: { "200": ok("The case.", envelope("case", ref("Case"))), "401": problem("Unauthorized"), "403": problem("Forbidden"), "404": problem("NotFound"), "409": problem("Conflict") },
        },
        delete: {
          operationId: "unmarkCaseHelped",
          summary: "Unmark a reply (the case's author)",
          description: "Idempotent.",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case."), numericId("postId", "A reply in the case's discussion.")],
          responses: { "200": ok("The case.", envelope("case", ref("Case"))), "401": problem("Unauthorized"), "403": problem("Forbidden"), "404": problem("NotFound"), "409": problem("Conflict") },
        },
      },
      "/cases/{id}/follow-up": {
        post: {
          operationId: "addCaseFollowUp",
          summary: "Add what happened next (the case's author)",
          description: "A published case only (else 409). Personal-data findings → 422.",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case.")],
          requestBody: body({ type: "object", required: ["followUp"], additionalProperties: false, properties: { followUp: { type: "string", minLength: 1, maxLength: 20000 } } }),
          responses: { "200": ok("The case.", envelope("case", ref("Case"))), ...bodyProblems, "401": problem("Unauthorized"), "403": problem("Forbidden"), "404": problem("NotFound"), "409": problem("Conflict") },
        },
      },
      "/cases/{id}/related": {
        get: {
          operationId: "relatedCases",
          summary: "Related cases and discussions",
          description: "Up to five of each, by shared tags and text similarity; never the case itself nor what the caller may not see.",
          tags: ["Cases"],
          security: signedIn,
          parameters: [numericId("id", "The case.")],
          responses: {
            "200": ok("Related content.", {
              type: "object",
              required: ["cases", "discussions"],
              properties: {
                cases: { type: "array", items: ref("CaseListItem") },
                discussions: { type: "array", items: { type: "object", properties: { id: ref("Id"), title: { type: "string" }, url: { type: "string", format: "uri" }, replyCount: { type: "integer" } } } },
              },
            }),
            "401": problem("Unauthorized"),
            "404": problem("NotFound"),
          },
        },
      },

      // ---------------------------------------------------------------- Search
      "/search": {
        get: {
          operationId: "search",
          summary: "Search",
          description:
            "Ranked topics and replies, and never what the caller may not see (no hidden or deleted topic or reply, " +
            "nor a reply of a hidden topic). Without `language`, each document is matched in its own language's " +
            "configuration and accent-blind; a query finds singular/plural and conjugated forms where the stemmer " +
            "allows. Empty parameters count as absent. A missing, blank or too long `q` → 422 (on `q`); any other bad " +
            "parameter → 400.",
          tags: ["Search"],
          security: signedIn,
          parameters: [
            {
              name: "q",
              in: "query",
              required: true,
              description: "What to look for, 1 to 200 characters once trimmed; websearch syntax: `\"phrase\"`, `-word`, `or`.",
              schema: { type: "string", minLength: 1, maxLength: 200 },
            },
            {
              name: "type",
              in: "query",
              description: "Only topics, only replies (including those of published case studies' discussions), or only case studies.",
              schema: { type: "string", enum: ["topic", "post", "case"] },
            },
            {
              name: "tag",
              in: "query",
              description: "A tag slug (trimmed, lower-cased; letters, digits and `-`); repeat for hits whose topic carries all of them (at most 8).",
              schema: { type: "array", maxItems: 8, items: { type: "string", maxLength: 50 } },
              style: "form",
              explode: true,
            },
            { name: "language", in: "query", description: "Only documents in this language, matched in its configuration.", schema: ref("ContentLanguage") },
            { name: "category", in: "query", description: "A category id.", schema: { type: "string", minLength: 1, maxLength: 50 } },
            { name: "author", in: "query", description: "An author's handle (a leading `@` is dropped).", schema: { type: "string", minLength: 1, maxLength: 61 } },
            {
              name: "from",
              in: "query",
              description: "Written at or after: a date (`2024-05-01`, from its start, UTC) or a date-time with offset.",
              schema: { type: "string" },
            },
            {
              name: "to",
              in: "query",
              description: "Written at or before: a date (that whole day included, UTC) or a date-time with offset.",
              schema: { type: "string" },
            },
            ref("Limit", "parameters"),
            {
              name: "cursor",
              in: "query",
              description: "The `nextCursor` of the previous page (how far into the ranked results, at most 1000).",
              schema: { type: "string", pattern: "^[0-9]{1,4}$" },
            },
          ],
          responses: {
            "200": ok("A page of ranked hits.", page(ref("SearchHit"))),
            "400": problem("BadRequest"),
            "401": problem("Unauthorized"),
            "422": problem("ValidationFailed"),
          },
        },
      },

      // ---------------------------------------------------------------- Notifications
      "/notifications": {
        get: {
          operationId: "listNotifications",
          summary: "My notifications",
          description:
            "Newest first, with the number of unread ones. Notifications about content I may no longer see (hidden or " +
            "deleted since) are left out, and so is their count. Also pushed live (`notification:new`). A bad parameter → 400.",
          tags: ["Notifications"],
          security: signedIn,
          parameters: [ref("IdCursor", "parameters"), ref("Limit", "parameters")],
          responses: {
            "200": ok(
              "A page of my notifications.",
              page(ref("Notification"), { unread: { type: "integer", minimum: 0, description: "How many of mine are unread (all pages)." } }),
            ),
            "400": problem("BadRequest"),
            "401": problem("Unauthorized"),
          },
        },
      },
      "/notifications/read": {
        post: {
          operationId: "markNotificationsRead",
          summary: "Mark notifications read",
          description: "`{ids}` marks those of mine (other ids are ignored); `{all:true}` marks every one of mine.",
          tags: ["Notifications"],
          security: signedIn,
          requestBody: body(ref("NotificationsReadRequest")),
          responses: {
            "200": ok("The unread count afterwards.", envelope("unread", { type: "integer", minimum: 0 })),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
          },
        },
      },

      // ---------------------------------------------------------------- Composer
      "/markdown/preview": {
        post: {
          operationId: "previewMarkdown",
          summary: "Preview markdown",
          description:
            "What a text will look like once posted: the same rendering and sanitising as on write, with the handles of " +
            "active members linked. Nothing is stored, nobody is notified. Never cached.",
          tags: ["Composer"],
          security: signedIn,
          requestBody: body(ref("MarkdownPreviewRequest")),
          responses: {
            "200": ok(
              "The rendered HTML.",
              envelope("html", { type: "string", description: "Sanitised HTML." }),
              { "Cache-Control": { schema: { const: "no-store" } } },
            ),
            ...bodyProblems,
            "401": problem("Unauthorized"),
            "403": problem("Forbidden"),
          },
        },
      },
      "/mentions": {
        get: {
          operationId: "suggestMentions",
          summary: "Suggest people to @mention",
          description:
            "Up to 8 active members whose handle, name or a word of their name starts with `q` (a leading `@` is " +
            "dropped), accent- and case-insensitive; handle matches first. An empty `q` answers an empty list. More " +
            "than 40 characters → 422.",
          tags: ["Composer"],
          security: signedIn,
          parameters: [
            { name: "q", in: "query", description: "What was typed after `@`.", schema: { type: "string", maxLength: 40, default: "" } },
          ],
          responses: {
            "200": ok(
              "The suggestions, best first.",
              { type: "array", maxItems: 8, items: ref("MentionCandidate") },
              { "Cache-Control": { schema: { const: "private, max-age=30" } } },
            ),
            "401": problem("Unauthorized"),
            "422": problem("ValidationFailed"),
          },
        },
      },

      // ---------------------------------------------------------------- Platform
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This OpenAPI description",
          tags: ["Platform"],
          security: [],
          responses: {
            "200": ok("The OpenAPI 3.1 document.", { type: "object" }),
            "401": ref("Unauthorized", "responses"),
          },
        },
      },
      "/healthz": {
        servers: [{ url: publicUrl, description: "Served at the root, not under /api/v1." }],
        get: {
          operationId: "getHealth",
          summary: "Health check",
          description:
            "200 `{\"status\":\"ok\"}`, or 503 while the database is unreachable (and the server recovers by itself). Never cached.",
          tags: ["Platform"],
          security: [],
          responses: {
            "200": ok(
              "Healthy.",
              { type: "object", required: ["status"], additionalProperties: false, properties: { status: { const: "ok" } } },
              { "Cache-Control": { schema: { const: "no-store" } } },
            ),
            "503": ok(
              "The database is unreachable.",
              { type: "object", required: ["status"], additionalProperties: false, properties: { status: { const: "unavailable" } } },
              { "Cache-Control": { schema: { const: "no-store" } } },
            ),
          },
        },
      },
    },

    components: {
      securitySchemes: {
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "dc_session",
          description:
            "The web session cookie set by `POST /auth/login`. A state-changing request authenticated this way must " +
            "carry an `Origin` (or `Referer`) of `PUBLIC_URL`; otherwise 403.",
        },
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token (`dcpat_…`) from `POST /tokens`: `Authorization: Bearer <token>`.",
        },
      },

      parameters: {
        Limit: {
          name: "limit",
          in: "query",
          description: "Page size.",
          schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
        },
        Cursor: {
          name: "cursor",
          in: "query",
          description: "The `nextCursor` of the previous page.",
          schema: { type: "string", maxLength: 400 },
        },
        IdCursor: {
          name: "cursor",
          in: "query",
          description: "The `nextCursor` of the previous page.",
          schema: { type: "string", pattern: "^[0-9]{1,16}$" },
        },
      },

      headers: {
        RetryAfter: {
          description: "Seconds to wait before trying again.",
          required: true,
          schema: { type: "integer", minimum: 1 },
        },
      },

      responses: {
        BadRequest: {
          description: "Malformed body (not parseable JSON, or not a JSON object) or malformed query.",
          content: problemContent(ref("Problem")),
        },
        Unauthorized: {
          description: "Not signed in, bad credentials, or an `Authorization` header naming no valid token.",
          content: problemContent(ref("Problem")),
        },
        Forbidden: {
          description:
            "Not allowed — including a state change authenticated by cookie without an `Origin`/`Referer` of `PUBLIC_URL`.",
          content: problemContent(ref("Problem")),
        },
        NotFound: {
          description: "Absent or not visible to you.",
          content: problemContent(ref("Problem")),
        },
        Conflict: {
          description: "Conflict or invalid state change (e.g. e-mail or handle taken; `errors` then names the field).",
          content: problemContent(ref("Problem")),
        },
        PayloadTooLarge: {
          description: "The body is larger than 256 kB.",
          content: problemContent(ref("Problem")),
        },
        UnsupportedMediaType: {
          description: "A body was sent that is not `application/json` (or `application/*+json`), or in an unsupported encoding.",
          content: problemContent(ref("Problem")),
        },
        ValidationFailed: {
          description: "Invalid fields: `errors` maps each field to its messages.",
          content: problemContent(ref("ValidationProblem")),
        },
        TooManyRequests: {
          description: "Too many attempts; try again after `Retry-After` seconds.",
          headers: { "Retry-After": ref("RetryAfter", "headers") },
          content: problemContent(ref("Problem")),
        },
      },

      schemas: {
        // ------------------------------------------------------------ problems
        Problem: {
          type: "object",
          description: "An RFC 9457 problem, in the caller's language.",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { type: "string", format: "uri", examples: ["https://digital-compass.eu/problems/not-found"] },
            title: { type: "string" },
            status: { type: "integer", minimum: 400, maximum: 599 },
            detail: { type: "string" },
            errors: ref("FieldErrors"),
          },
        },
        ValidationProblem: {
          allOf: [ref("Problem"), { type: "object", required: ["errors"], properties: { status: { const: 422 } } }],
        },
        FieldErrors: {
          type: "object",
          description: "`{field: [message]}`; `_form` for a problem with the body as a whole.",
          additionalProperties: { type: "array", items: { type: "string" } },
        },

        // ------------------------------------------------------------ values
        Role: { type: "string", enum: ["trainer", "host", "lead", "admin"] },
        Locale: { type: ["string", "null"], enum: ["fr", "en", null] },
        Email: { type: "string", format: "email", minLength: 1, maxLength: 254, description: "Trimmed." },
        Password: {
          type: "string",
          minLength: 1,
          maxLength: 1024,
          description: "Never trimmed. Where a password is set, the policy applies: 12 to 256 characters, not a common password.",
        },
        Name: { type: "string", minLength: 1, maxLength: 100, description: "Trimmed." },
        Handle: {
          type: "string",
          pattern: "^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$",
          description: "Unique (e.g. `marie.dupont`), what `@handle` mentions use. Trimmed and lower-cased before the check.",
        },
        CentreId: { type: "string", minLength: 1, maxLength: 80, description: "Trimmed; must name an existing centre (else 422)." },
        LanguageLevel: {
          type: "object",
          required: ["code", "level"],
          properties: {
            code: { type: "string", pattern: "^[a-z]{2,3}$", description: "ISO 639 code; trimmed and lower-cased." },
            level: { type: "string", enum: ["A1", "A2", "B1", "B2", "C1", "C2", "native"] },
          },
        },

        // ------------------------------------------------------------ requests
        LoginRequest: {
          type: "object",
          required: ["email", "password"],
          properties: { email: ref("Email"), password: ref("Password") },
        },
        PasswordResetRequest: {
          type: "object",
          required: ["email"],
          additionalProperties: false,
          properties: { email: ref("Email") },
        },
        PasswordResetCompletion: {
          type: "object",
          required: ["password"],
          additionalProperties: false,
          properties: { password: ref("Password") },
        },
        PasswordConfirmation: {
          type: "object",
          required: ["password"],
          additionalProperties: false,
          properties: { password: ref("Password") },
        },
        PasswordChange: {
          type: "object",
          required: ["currentPassword", "newPassword"],
          additionalProperties: false,
          properties: { currentPassword: ref("Password"), newPassword: ref("Password") },
        },
        ProfilePatch: {
          type: "object",
          additionalProperties: false,
          description: "Every field optional.",
          properties: {
            name: ref("Name"),
            handle: ref("Handle"),
            bio: { type: "string", maxLength: 1000, description: "Trimmed." },
            skills: {
              description:
                "A list, or one comma-separated string; each skill trimmed, lower-cased, 1 to 40 characters; at most 30; duplicates dropped.",
              oneOf: [
                { type: "array", items: { type: "string", minLength: 1, maxLength: 40 }, maxItems: 30 },
                { type: "string" },
              ],
            },
            languages: {
              type: "array",
              maxItems: 12,
              items: ref("LanguageLevel"),
              description: "Replaces the whole list; a repeated code keeps its last level.",
            },
            locale: ref("Locale"),
            openToMobility: { type: "boolean" },
          },
        },
        TokenRequest: {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: { name: { type: "string", minLength: 1, maxLength: 80, description: "Trimmed." } },
        },
        InvitationRequest: {
          type: "object",
          required: ["email", "role", "centreId"],
          additionalProperties: false,
          properties: { email: ref("Email"), role: ref("Role"), centreId: ref("CentreId") },
        },
        AcceptInvitationRequest: {
          type: "object",
          required: ["name", "password"],
          additionalProperties: false,
          properties: { name: ref("Name"), password: ref("Password"), handle: ref("Handle") },
        },
        NewUserRequest: {
          type: "object",
          required: ["email", "name", "role", "centreId", "password"],
          additionalProperties: false,
          properties: {
            email: ref("Email"),
            name: ref("Name"),
            role: ref("Role"),
            centreId: ref("CentreId"),
            password: ref("Password"),
            handle: ref("Handle"),
          },
        },
        UserAdminPatch: {
          type: "object",
          additionalProperties: false,
          description: "Every field optional.",
          properties: {
            role: ref("Role"),
            centreId: ref("CentreId"),
            deactivated: { type: "boolean", description: "true ends the account's sessions and revokes its tokens." },
          },
        },

        // ------------------------------------------------------------ answers
        Member: {
          type: "object",
          description: "A member as `GET /me` shows them.",
          required: ["id", "handle", "name", "email", "role", "centreId", "languages", "skills", "bio", "locale", "openToMobility"],
          properties: {
            id: { type: "string" },
            handle: { type: "string" },
            name: { type: "string" },
            email: { type: "string", format: "email" },
            role: ref("Role"),
            centreId: { type: "string" },
            languages: { type: "array", items: ref("LanguageLevel"), description: "Strongest level first." },
            skills: { type: "array", items: { type: "string" } },
            bio: { type: "string" },
            locale: ref("Locale"),
            openToMobility: { type: "boolean" },
          },
        },
        MemberListItem: {
          type: "object",
          required: ["id", "handle", "name", "email", "role", "centreId", "centreName", "deactivated", "createdAt"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            handle: { type: "string" },
            name: { type: "string" },
            email: { type: "string", format: "email" },
            role: ref("Role"),
            centreId: { type: "string" },
            centreName: { type: "string" },
            deactivated: { type: "boolean" },
            createdAt: { type: "string", format: "date-time" },
          },
        },
        MemberExport: {
          type: "object",
          description: "Everything the platform holds about me.",
          required: ["exportedAt", "user", "sessions", "tokens", "invitationsSent"],
          properties: {
            exportedAt: { type: "string", format: "date-time" },
            user: {
              allOf: [ref("Member")],
              type: "object",
              required: ["createdAt"],
              properties: { createdAt: { type: "string", format: "date-time" } },
            },
            sessions: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  createdAt: { type: "string", format: "date-time" },
                  lastSeenAt: { type: "string", format: "date-time" },
                  userAgent: { type: "string" },
                  ip: { type: "string" },
                },
              },
            },
            tokens: { type: "array", items: ref("Token") },
            invitationsSent: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  email: { type: "string" },
                  role: ref("Role"),
                  centreId: { type: "string" },
                  createdAt: { type: "string", format: "date-time" },
                  acceptedAt: { type: ["string", "null"], format: "date-time" },
                },
              },
            },
          },
        },
        Session: {
          type: "object",
          required: ["id", "current", "createdAt", "lastSeenAt", "expiresAt", "userAgent", "ip"],
          additionalProperties: false,
          properties: {
            id: { type: "string", description: "A reference to the session (never the session id, which is the cookie's secret); pass it to DELETE /me/sessions/{id}." },
            current: { type: "boolean", description: "The session making this request." },
            createdAt: { type: ["string", "null"], format: "date-time" },
            lastSeenAt: { type: ["string", "null"], format: "date-time" },
            expiresAt: { type: ["string", "null"], format: "date-time" },
            userAgent: { type: "string" },
            ip: { type: "string" },
          },
        },
        Token: {
          type: "object",
          required: ["id", "name", "createdAt", "lastUsedAt"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            createdAt: { type: ["string", "null"], format: "date-time" },
            lastUsedAt: { type: ["string", "null"], format: "date-time" },
          },
        },
        CreatedToken: {
          type: "object",
          required: ["id", "token", "name"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            token: { type: "string", description: "The secret (`dcpat_…`), shown this once; only its hash is stored." },
            name: { type: "string" },
          },
        },
        Invitation: {
          type: "object",
          description: "A new invitation: `url` is the page to send, `token` the secret it carries.",
          required: ["id", "url", "token", "email", "role", "centreId", "expiresAt"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            url: { type: "string", format: "uri", description: "Absolute: `PUBLIC_URL/invitations/<token>`." },
            token: { type: "string" },
            email: { type: "string", format: "email" },
            role: ref("Role"),
            centreId: { type: "string" },
            expiresAt: { type: "string", format: "date-time", description: "7 days after creation." },
          },
        },
        InvitationListItem: {
          type: "object",
          required: ["id", "email", "role", "centreName", "status", "createdAt", "expiresAt"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            email: { type: "string" },
            role: ref("Role"),
            centreName: { type: "string" },
            status: { type: "string", enum: ["pending", "accepted", "expired", "revoked"] },
            createdAt: { type: "string", format: "date-time" },
            expiresAt: { type: "string", format: "date-time" },
          },
        },
        InvitationLookup: {
          type: "object",
          required: ["email", "role", "centreId", "centreName", "inviterName", "expiresAt"],
          additionalProperties: false,
          properties: {
            email: { type: "string", format: "email" },
            role: ref("Role"),
            centreId: { type: "string" },
            centreName: { type: "string" },
            inviterName: { type: "string" },
            expiresAt: { type: "string", format: "date-time" },
          },
        },
        Centre: {
          type: "object",
          required: ["id", "name", "organisation", "city", "country", "lat", "lng", "languages", "specialities"],
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            organisation: { type: "string" },
            city: { type: "string" },
            country: { type: "string", pattern: "^[A-Z]{2}$", description: "ISO 3166 alpha-2." },
            lat: { type: "number" },
            lng: { type: "number" },
            languages: { type: "array", items: { type: "string" } },
            specialities: { type: "array", items: { type: "string" } },
          },
        },
        CentreDetail: {
          allOf: [
            ref("Centre"),
            {
              type: "object",
              required: ["description", "memberCount"],
              properties: {
                description: {
                  type: "object",
                  required: ["fr", "en"],
                  additionalProperties: false,
                  properties: { fr: { type: "string" }, en: { type: "string" } },
                },
                memberCount: { type: "integer", minimum: 0, description: "Active members of the centre." },
              },
            },
          ],
        },

        // ------------------------------------------------------------ discussions: values
        Id: {
          type: "string",
          pattern: "^[1-9][0-9]{0,15}$",
          description: "A topic, post, notification or moderation action id: a positive integer, as a string.",
        },
        IdInput: {
          description: "An id, as a string (as answered) or a number.",
          anyOf: [
            { type: "string", pattern: "^[1-9][0-9]{0,15}$" },
            { type: "integer", minimum: 1, maximum: 9007199254740991 },
          ],
        },
        ContentLanguage: { type: "string", enum: ["fr", "en", "es", "ro", "nl"], description: "The language a topic is written in." },
        ReactionKind: { type: "string", enum: ["helpful", "same-here", "thanks"] },
        Markdown: {
          type: "string",
          minLength: 1,
          maxLength: 50000,
          description: "Markdown source, trimmed; `@handle` mentions of active members become links and notify them.",
        },
        TagList: {
          description:
            "Tag slugs: a list, or one comma-separated string; each trimmed and lower-cased, 1 to 50 characters; at most 8; " +
            "duplicates dropped. Every tag must exist (else 422 on `tags`).",
          oneOf: [{ type: "array", items: { type: "string", minLength: 1, maxLength: 50 }, maxItems: 8 }, { type: "string" }],
        },
        TopicTitle: { type: "string", minLength: 3, maxLength: 200, description: "Trimmed." },
        CategoryRef: { type: "string", minLength: 1, maxLength: 50, description: "A category id; trimmed; must exist (else 422)." },
        Author: {
          type: ["object", "null"],
          description:
            'Who wrote it; an erased account shows as `{name: "deleted user", handle: ""}`. null for a deleted or hidden post\'s placeholder.',
          required: ["id", "name", "handle"],
          additionalProperties: false,
          properties: { id: { type: "string" }, name: { type: "string" }, handle: { type: "string" } },
        },
        PersonRef: {
          type: "object",
          required: ["id", "name", "handle"],
          additionalProperties: false,
          properties: { id: { type: "string" }, name: { type: "string" }, handle: { type: "string" } },
        },
        ReactionCounts: {
          type: "object",
          required: ["helpful", "same-here", "thanks"],
          additionalProperties: false,
          properties: {
            helpful: { type: "integer", minimum: 0 },
            "same-here": { type: "integer", minimum: 0 },
            thanks: { type: "integer", minimum: 0 },
          },
        },

        // ------------------------------------------------------------ discussions: requests
        CategoryRequest: {
          type: "object",
          required: ["id", "nameFr", "nameEn"],
          additionalProperties: false,
          properties: {
            id: {
              type: "string",
              pattern: "^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$",
              description: "Also the category's slug; 3 to 50 lower-case letters, digits and `-`. Trimmed.",
            },
            nameFr: { type: "string", minLength: 2, maxLength: 80, description: "Trimmed." },
            nameEn: { type: "string", minLength: 2, maxLength: 80, description: "Trimmed." },
            descriptionFr: { type: "string", maxLength: 500, description: "Trimmed; empty when omitted." },
            descriptionEn: { type: "string", maxLength: 500, description: "Trimmed; empty when omitted." },
            position: { type: "integer", minimum: 0, maximum: 1000, description: "Lower first; 0 when omitted." },
          },
        },
        CategoryPatch: {
          type: "object",
          description: "The whole category but its id: the names are required, the rest resets to empty or 0 when omitted.",
          required: ["nameFr", "nameEn"],
          additionalProperties: false,
          properties: {
            nameFr: { type: "string", minLength: 2, maxLength: 80, description: "Trimmed." },
            nameEn: { type: "string", minLength: 2, maxLength: 80, description: "Trimmed." },
            descriptionFr: { type: "string", maxLength: 500, description: "Trimmed." },
            descriptionEn: { type: "string", maxLength: 500, description: "Trimmed." },
            position: { type: "integer", minimum: 0, maximum: 1000 },
          },
        },
        TagRequest: {
          type: "object",
          required: ["slug", "group", "labels"],
          additionalProperties: false,
          properties: {
            slug: {
              type: "string",
              pattern: "^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$",
              description: "2 to 50 lower-case letters, digits and `-`; trimmed and lower-cased before the check.",
            },
            group: { type: "string", minLength: 2, maxLength: 40, description: "Trimmed." },
            labels: {
              type: "object",
              required: ["fr", "en"],
              properties: {
                fr: { type: "string", minLength: 1, maxLength: 60 },
                en: { type: "string", minLength: 1, maxLength: 60 },
                es: { type: "string", maxLength: 60 },
                ro: { type: "string", maxLength: 60 },
                nl: { type: "string", maxLength: 60 },
              },
              description: "The label in each language, trimmed; French and English required.",
            },
          },
        },
        TagMergeRequest: {
          type: "object",
          required: ["into"],
          additionalProperties: false,
          properties: { into: { type: "string", minLength: 1, maxLength: 50, description: "The slug of the tag that stays. Trimmed." } },
        },
        NewTopicRequest: {
          type: "object",
          required: ["categoryId", "title", "body", "language"],
          additionalProperties: false,
          properties: {
            categoryId: ref("CategoryRef"),
            title: ref("TopicTitle"),
            body: ref("Markdown"),
            tags: { allOf: [ref("TagList")], default: [] },
            language: ref("ContentLanguage"),
          },
        },
        TopicPatch: {
          type: "object",
          description: "Every field optional; `tags` replaces the whole list.",
          additionalProperties: false,
          properties: { title: ref("TopicTitle"), body: ref("Markdown"), tags: ref("TagList"), categoryId: ref("CategoryRef") },
        },
        NewPostRequest: {
          type: "object",
          required: ["body"],
          additionalProperties: false,
          properties: {
            body: ref("Markdown"),
            parentId: {
              anyOf: [ref("IdInput"), { type: "null" }],
              description: "The reply answered, in the same topic; omitted or null for a reply to the topic itself.",
            },
          },
        },
        PostPatch: {
          type: "object",
          required: ["body"],
          additionalProperties: false,
          properties: { body: ref("Markdown") },
        },
        AcceptRequest: {
          type: "object",
          required: ["postId"],
          additionalProperties: false,
          properties: {
            postId: { anyOf: [ref("IdInput"), { type: "null" }], description: "A visible reply of the topic; null clears the accepted answer." },
          },
        },
        SubscriptionRequest: {
          type: "object",
          additionalProperties: false,
          properties: { level: { type: "string", enum: ["watching", "muted"], default: "watching" } },
        },
        ModerationActionRequest: {
          type: "object",
          required: ["targetType", "targetId", "action"],
          additionalProperties: false,
          properties: {
            targetType: { type: "string", enum: ["topic"] },
            targetId: { allOf: [ref("IdInput")], description: "The topic's id (any other value → 404)." },
            action: { type: "string", enum: ["lock", "unlock", "pin", "unpin"] },
            reason: { type: "string", maxLength: 1000, default: "", description: "Why, for the log. Trimmed." },
          },
        },
        NotificationsReadRequest: {
          oneOf: [
            {
              type: "object",
              required: ["ids"],
              additionalProperties: false,
              properties: { ids: { type: "array", maxItems: 500, items: ref("IdInput") } },
            },
            {
              type: "object",
              required: ["all"],
              additionalProperties: false,
              properties: { all: { const: true } },
            },
          ],
        },
        MarkdownPreviewRequest: {
          type: "object",
          required: ["body"],
          additionalProperties: false,
          properties: { body: { type: "string", maxLength: 50000, description: "Markdown source (may be empty)." } },
        },

        // ------------------------------------------------------------ discussions: answers
        Category: {
          type: "object",
          required: ["id", "slug", "name", "description"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            slug: { type: "string", description: "The same as `id`." },
            name: { type: "string", description: "In the caller's language (French, else English)." },
            description: { type: "string" },
          },
        },
        CategoryDetail: {
          type: "object",
          description: "A category as the leads manage it.",
          required: ["id", "slug", "name", "description", "position"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            slug: { type: "string", description: "The same as `id`." },
            name: { type: "string", description: "In the caller's language (French, else English)." },
            description: { type: "string" },
            position: { type: "integer", minimum: 0 },
          },
        },
        Tag: {
          type: "object",
          required: ["slug", "label", "group", "count", "labels"],
          additionalProperties: false,
          properties: {
            slug: { type: "string" },
            label: { type: "string", description: "In the caller's language (else English, else French)." },
            group: { type: "string" },
            count: { type: "integer", minimum: 0, description: "Visible topics carrying the tag." },
            labels: { type: "object", additionalProperties: { type: "string" }, description: "Every label, by language code." },
          },
        },
        TopicListItem: {
          type: "object",
          required: [
            "id", "title", "excerpt", "categoryId", "tags", "language", "author", "createdAt", "lastPostedAt",
            "replyCount", "viewCount", "pinned", "locked", "answered", "unread", "url",
          ],
          additionalProperties: false,
          properties: {
            id: ref("Id"),
            title: { type: "string" },
            excerpt: { type: "string", description: "The start of the text, as plain text (200 characters, then `…`)." },
            categoryId: { type: "string" },
            tags: { type: "array", items: { type: "string" } },
            language: ref("ContentLanguage"),
            author: ref("Author"),
            createdAt: { type: "string", format: "date-time" },
            lastPostedAt: { type: "string", format: "date-time", description: "The latest reply, or the topic's creation." },
            replyCount: { type: "integer", minimum: 0 },
            viewCount: { type: "integer", minimum: 0 },
            pinned: { type: "boolean" },
            locked: { type: "boolean" },
            answered: { type: "boolean", description: "A reply is marked as the accepted answer." },
            unread: { type: "boolean", description: "Never opened by me, or replied to since I last read it." },
            url: { type: "string", format: "uri", description: "Absolute." },
          },
        },
        Topic: {
          type: "object",
          required: [
            "id", "title", "body", "bodyHtml", "categoryId", "tags", "language", "author", "createdAt", "editedAt",
            "locked", "pinned", "acceptedPostId", "replyCount", "viewCount", "visibility", "url",
          ],
          additionalProperties: false,
          properties: {
            id: ref("Id"),
            title: { type: "string" },
            body: { type: "string", description: "Markdown source." },
            bodyHtml: { type: "string", description: "Rendered and sanitised." },
            categoryId: { type: "string" },
            tags: { type: "array", items: { type: "string" }, description: "Tag slugs, sorted." },
            language: ref("ContentLanguage"),
            author: ref("Author"),
            createdAt: { type: "string", format: "date-time" },
            editedAt: { type: ["string", "null"], format: "date-time" },
            locked: { type: "boolean", description: "No new reply (409)." },
            pinned: { type: "boolean" },
            acceptedPostId: { type: ["string", "null"], description: "The reply marked as the answer." },
            replyCount: { type: "integer", minimum: 0 },
            viewCount: { type: "integer", minimum: 0, description: "Counted in batches: may trail by a few seconds." },
            visibility: { type: "string", enum: ["visible", "hidden"], description: "`hidden` is only ever shown to leads and admins." },
            url: { type: "string", format: "uri", description: "Absolute." },
          },
        },
        Post: {
          type: "object",
          required: [
            "id", "topicId", "parentId", "depth", "author", "body", "bodyHtml", "createdAt", "editedAt", "deleted", "hidden",
            "childCount", "reactions", "reactors", "myReactions", "url",
          ],
          additionalProperties: false,
          properties: {
            id: ref("Id"),
            topicId: ref("Id"),
            parentId: { type: ["string", "null"], description: "The reply answered; null for a reply to the topic itself." },
            depth: { type: "integer", minimum: 0, description: "0 for a first-level reply." },
            author: ref("Author"),
            body: { type: "string", description: "Markdown source; empty for a deleted placeholder (or a hidden reply, but to leads and admins)." },
            bodyHtml: { type: "string", description: "Rendered and sanitised; empty like `body`." },
            createdAt: { type: "string", format: "date-time" },
            editedAt: { type: ["string", "null"], format: "date-time" },
            deleted: { type: "boolean", description: "A placeholder that keeps the tree." },
            hidden: { type: "boolean", description: "Hidden by moderation." },
            childCount: { type: "integer", minimum: 0, description: "Direct replies to it." },
            reactions: { allOf: [ref("ReactionCounts")], description: "`{kind: count}`." },
            reactors: {
              type: "object",
              description: "The names of the first people to react (30 at most in all), by kind.",
              required: ["helpful", "same-here", "thanks"],
              additionalProperties: false,
              properties: {
                helpful: { type: "array", items: { type: "string" } },
                "same-here": { type: "array", items: { type: "string" } },
                thanks: { type: "array", items: { type: "string" } },
              },
            },
            myReactions: { type: "array", items: ref("ReactionKind") },
            url: { type: "string", format: "uri", description: "Absolute, with the post's anchor." },
          },
        },
        Revision: {
          type: "object",
          description: "An earlier version, whole.",
          required: ["id", "body", "editor", "createdAt"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            body: { type: "string", description: "Markdown source of that version." },
            editor: { allOf: [ref("PersonRef")], description: "Who wrote that version (the author for the first)." },
            createdAt: { type: "string", format: "date-time", description: "When that version was written." },
          },
        },
        TopicRevision: {
          type: "object",
          description: "An earlier version of a topic, whole.",
          required: ["id", "title", "body", "editor", "createdAt"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            title: { type: "string", description: "The title of that version." },
            body: { type: "string", description: "Markdown source of that version." },
            editor: { allOf: [ref("PersonRef")], description: "Who wrote that version (the author for the first)." },
            createdAt: { type: "string", format: "date-time", description: "When that version was written." },
          },
        },
        Subscription: {
          type: "object",
          required: ["level"],
          additionalProperties: false,
          properties: { level: { type: "string", enum: ["watching", "muted"] } },
        },
        ModerationAction: {
          type: "object",
          required: ["id", "actorId", "targetType", "targetId", "action", "reason", "until", "createdAt"],
          additionalProperties: false,
          properties: {
            id: ref("Id"),
            actorId: { type: "string" },
            targetType: { type: "string", enum: ["topic"] },
            targetId: ref("Id"),
            action: { type: "string", enum: ["lock", "unlock", "pin", "unpin"] },
            reason: { type: "string" },
            until: { type: ["string", "null"], format: "date-time" },
            createdAt: { type: "string", format: "date-time" },
          },
        },
        ModerationLogEntry: {
          type: "object",
          required: ["id", "actor", "targetType", "targetId", "action", "reason", "until", "createdAt"],
          additionalProperties: false,
          properties: {
            id: ref("Id"),
            actor: ref("PersonRef"),
            targetType: { type: "string" },
            targetId: { type: "string" },
            action: { type: "string" },
            reason: { type: "string" },
            until: { type: ["string", "null"], format: "date-time" },
            createdAt: { type: "string", format: "date-time" },
            target: {
              description: "What was acted on, named: a case (reveals, review decisions) or a topic; null for other targets.",
              oneOf: [
                { type: "null" },
                {
                  type: "object",
                  required: ["type", "id", "title", "url"],
                  additionalProperties: false,
                  properties: { type: { type: "string" }, id: { type: "string" }, title: { type: ["string", "null"] }, url: { type: "string", format: "uri" } },
                },
              ],
            },
          },
        },
        CaseContext: {
          type: "object",
          additionalProperties: false,
          description: "Every key optional. `programme` and `learnerProfile` come from the project's lists (app/modules/cases/template.ts).",
          properties: {
            programme: { type: "string", enum: ["web-developer", "data-analyst", "cloud-devops", "cybersecurity", "ai-developer", "digital-inclusion", "other"] },
            week: { type: "integer", minimum: 0, maximum: 200 },
            groupSize: { type: "integer", minimum: 1, maximum: 500 },
            learnerProfile: { type: "string", enum: ["job-seekers", "young-adults-neet", "career-changers", "refugees-newcomers", "women-in-tech", "people-with-disabilities", "seniors", "mixed"] },
            notes: { type: "string", maxLength: 1000 },
          },
        },
        CaseAuthor: {
          description: "Null for an anonymous case to everyone but its author (leads and admins included).",
          oneOf: [{ type: "null" }, ref("PersonRef")],
        },
        CaseInput: {
          type: "object",
          additionalProperties: false,
          properties: {
            title: { type: "string", minLength: 3, maxLength: 200 },
            context: ref("CaseContext"),
            situation: { type: "string", minLength: 1, maxLength: 20000, description: "Markdown." },
            actionsTaken: { type: "string", maxLength: 20000 },
            outcome: { type: "string", maxLength: 20000 },
            lessons: { type: "string", maxLength: 20000 },
            questions: { type: "string", maxLength: 20000 },
            tags: { type: "array", maxItems: 12, items: { type: "string" } },
            language: ref("ContentLanguage"),
            anonymous: { type: "boolean", default: false },
            noIdentifiablePeople: { type: "boolean", const: true, description: "Must be true (else 422 on this field)." },
            acknowledgeWarnings: {
              type: "boolean",
              default: false,
              description: "Store the case for a lead's review (`in-review`) despite personal-data findings, instead of a 422.",
            },
          },
        },
        Finding: {
          type: "object",
          required: ["field", "kind", "match"],
          additionalProperties: false,
          properties: {
            field: { type: "string" },
            kind: { type: "string", enum: ["email", "phone", "full-name", "address", "company", "health", "disability", "religion"] },
            match: { type: "string" },
          },
        },
        Case: {
          type: "object",
          required: ["id", "topicId", "title", "context", "situation", "situationHtml", "tags", "language", "anonymous", "status", "author", "isMine", "country", "createdAt", "publishedAt", "url", "helpedPostIds", "replyCount", "helpfulCount", "templateVersion"],
          properties: {
            id: ref("Id"),
            topicId: { ...ref("Id"), description: "The case's discussion, replied to through the topics API." },
            title: { type: "string" },
            context: ref("CaseContext"),
            situation: { type: "string" },
            situationHtml: { type: "string" },
            actionsTaken: { type: "string" },
            actionsTakenHtml: { type: "string" },
            outcome: { type: "string" },
            outcomeHtml: { type: "string" },
            lessons: { type: "string" },
            lessonsHtml: { type: "string" },
            questions: { type: "string" },
            questionsHtml: { type: "string" },
            followUp: { type: ["string", "null"] },
            followUpHtml: { type: ["string", "null"] },
            followUpAt: { type: ["string", "null"], format: "date-time" },
            tags: { type: "array", items: { type: "string" } },
            language: ref("ContentLanguage"),
            anonymous: { type: "boolean" },
            status: { type: "string", enum: ["in-review", "changes-requested", "published"] },
            author: ref("CaseAuthor"),
            isMine: { type: "boolean" },
            country: { type: "string", description: "The author's centre's country at write time (ISO 3166-1 alpha-2)." },
            createdAt: { type: "string", format: "date-time" },
            updatedAt: { type: "string", format: "date-time" },
            publishedAt: { type: ["string", "null"], format: "date-time" },
            url: { type: "string", format: "uri" },
            helpedPostIds: { type: "array", items: ref("Id") },
            replyCount: { type: "integer" },
            helpfulCount: { type: "integer", description: "Replies marked as helped + helpful reactions in its discussion." },
            templateVersion: { type: "integer" },
            reviewComment: { type: ["string", "null"], description: "Only for the author, leads and admins." },
            can: { type: "object", additionalProperties: { type: "boolean" } },
          },
        },
        CaseListItem: {
          type: "object",
          required: ["id", "topicId", "title", "excerpt", "tags", "language", "country", "anonymous", "status", "author", "isMine", "createdAt", "publishedAt", "hasFollowUp", "replyCount", "helpfulCount", "url"],
          properties: {
            id: ref("Id"),
            topicId: ref("Id"),
            title: { type: "string" },
            excerpt: { type: "string" },
            tags: { type: "array", items: { type: "string" } },
            language: ref("ContentLanguage"),
            country: { type: "string" },
            context: ref("CaseContext"),
            anonymous: { type: "boolean" },
            status: { type: "string", enum: ["in-review", "changes-requested", "published"] },
            author: ref("CaseAuthor"),
            isMine: { type: "boolean" },
            createdAt: { type: "string", format: "date-time" },
            publishedAt: { type: ["string", "null"], format: "date-time" },
            hasFollowUp: { type: "boolean" },
            replyCount: { type: "integer" },
            helpfulCount: { type: "integer" },
            url: { type: "string", format: "uri" },
          },
        },
        SearchHit: {
          type: "object",
          required: ["type", "id", "title", "snippet", "url", "topicId", "language", "createdAt"],
          additionalProperties: false,
          properties: {
            type: { type: "string", enum: ["topic", "post", "case"] },
            id: ref("Id"),
            title: { type: "string", description: "The topic's title (for a reply, its topic's)." },
            snippet: { type: "string", description: "Safe HTML: plain text, escaped, with the matched words in `<mark>`." },
            url: { type: "string", format: "uri", description: "Absolute; a reply's permalink." },
            topicId: { allOf: [ref("Id")], description: "The topic a reply belongs to (the topic itself for a topic)." },
            language: ref("ContentLanguage"),
            createdAt: { type: "string", format: "date-time" },
          },
        },
        NotificationKind: {
          type: "string",
          description: "Kinds include reply, mention, accepted, watching (a reply in a topic I watch) and new-topic (in a category or tag I follow); more may come.",
          examples: ["reply", "mention", "accepted", "watching", "new-topic"],
        },
        NotificationActor: {
          type: ["object", "null"],
          description: 'Who caused it (an erased account shows as "deleted user").',
          required: ["id", "name"],
          additionalProperties: false,
          properties: { id: { type: "string" }, name: { type: "string" } },
        },
        NotificationTopic: {
          type: ["object", "null"],
          required: ["id", "title"],
          additionalProperties: false,
          properties: { id: ref("Id"), title: { type: "string" } },
        },
        Notification: {
          type: "object",
          required: ["id", "kind", "read", "createdAt", "url", "actor", "topic", "postId"],
          additionalProperties: false,
          properties: {
            id: ref("Id"),
            kind: ref("NotificationKind"),
            read: { type: "boolean" },
            createdAt: { type: "string", format: "date-time" },
            url: { type: "string", format: "uri", description: "Absolute: the topic, or the post with its anchor." },
            actor: ref("NotificationActor"),
            topic: ref("NotificationTopic"),
            postId: { type: ["string", "null"] },
          },
        },
        NotificationPush: {
          type: "object",
          description:
            "The payload of the socket event `notification:new`: the notification as listed, but with `url` a path in " +
            "the web UI (relative, or null) and the `topicId` beside `topic`.",
          required: ["id", "kind", "read", "createdAt", "url", "actor", "topic", "topicId", "postId"],
          additionalProperties: false,
          properties: {
            id: ref("Id"),
            kind: ref("NotificationKind"),
            read: { const: false },
            createdAt: { type: "string", format: "date-time" },
            url: { type: ["string", "null"], description: "`/discussions/t/<topicId>` or `/discussions/t/<topicId>?post=<postId>#post-<postId>`." },
            actor: ref("NotificationActor"),
            topic: ref("NotificationTopic"),
            topicId: { type: ["string", "null"] },
            postId: { type: ["string", "null"] },
          },
        },
        MentionCandidate: {
          type: "object",
          required: ["handle", "name"],
          additionalProperties: false,
          properties: { handle: { type: "string" }, name: { type: "string" } },
        },
      },
    },
  };
}
