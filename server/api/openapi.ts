/**
 * The OpenAPI 3.1 description of `/api/v1` (served at `GET /api/v1/openapi.json`). It documents what the routers in
 * `server/api/*.ts` implement, with request schemas mirroring `app/modules/accounts/schemas.ts`; keep them in step.
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

export function openApiDocument(publicUrl: string): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Digital Compass API",
      version: "1.0.0",
      summary: "The public API v1 of Digital Compass: accounts, invitations, tokens and the network's centres.",
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
      ].join("\n"),
    },
    servers: [{ url: `${publicUrl}/api/v1`, description: "API v1" }],
    tags: [
      { name: "Accounts", description: "Sign-in, profile, sessions, personal access tokens, invitations and user administration." },
      { name: "Centres", description: "The centres of the network (public)." },
      { name: "Platform", description: "Health check and this description." },
    ],
    security: signedIn,
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
      },
    },
  };
}
