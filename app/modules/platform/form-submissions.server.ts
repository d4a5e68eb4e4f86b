import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { formSubmissions, type FormSubmissionKind } from "../../../db/schema";
import { DomainError } from "./errors";
import { formKeyPattern } from "./form-keys";
import type { Schedule, Services } from "./services";

/** A new key for a creating form, made by the page's loader each time the page renders. */
export const newFormKey = () => randomBytes(32).toString("base64url");

/** What a keyed form's answer adds after a failure: a new key, so that sending it again is a new submission. */
export const renewedFormKey = () => ({ formKey: newFormKey() });

/** Rows are kept this long: a resubmission within a day answers with the first result. */
export const formSubmissionLifetimeHours = 24;
export const formSubmissionSweepJob = "sweep-form-submissions";
export const formSubmissionSweepSchedule: Schedule = { cron: "23 * * * *", everyMs: 60 * 60 * 1000 };

/** What a creating function takes from a keyed form: its key, as posted (null or absent: not deduplicated). */
export type FormKeyOption = { formKey?: string | null };

export type SubmissionClaim<R> =
  /** The form was sent before: here is what its first submission answered. Create nothing. */
  | { replay: R; record?: undefined }
  /** This submission is the first (or has no key): create the thing, then `record` the result, in this transaction. */
  | { replay?: undefined; record(result: R): Promise<void> };

const derive = (purpose: string, formKey: string) => createHash("sha256").update(`digital-compass:form-submission:${purpose}\0${formKey}`).digest();

/** JSON with the keys of every object in order, so that the same input always has the same fingerprint. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** AES-256-GCM under a key only the form's holder has: iv, tag and ciphertext in base64url. */
function seal(formKey: string, result: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive("seal", formKey), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(result ?? null), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

function open<R>(formKey: string, sealed: string): R {
  const bytes = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", derive("seal", formKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as R;
}

const unkeyed: SubmissionClaim<never> = { record: async () => {} };

/**
 * The first statement of a creating transaction: claims the form's key for this person. The first submission
 * inserts the key's row and goes on to create; a resubmission of the same form finds the row and gets the first
 * result back (`replay`), and creates nothing. Two submissions at once: the second waits on the first's row (the
 * primary key) until the first commits, then replays it; if the first failed, its row is gone and the second
 * creates. The same key with other content (a form sent, then changed and sent again) is refused with a 422, the
 * text kept: the answer carries a new key (`renewedFormKey`) to send it as a new submission.
 *
 * `sent` is what the submission would create from (the parsed input and where it goes); it is only kept as a
 * keyed hash. A form without a key is not deduplicated; a malformed key is a 400.
 */
export async function claimFormSubmission<R>(
  tx: Queryable,
  claim: { userId: string; formKey: string | null | undefined; kind: FormSubmissionKind; sent: unknown },
): Promise<SubmissionClaim<R>> {
  const { formKey, userId, kind } = claim;
  if (formKey === null || formKey === undefined) return unkeyed;
  if (!formKeyPattern.test(formKey)) throw new DomainError(400, "form.keyInvalid");
  const keyId = derive("key", formKey).toString("base64url");
  const fingerprint = createHmac("sha256", derive("fingerprint", formKey)).update(`${kind}\0${canonical(claim.sent)}`).digest("base64url");
  const row = and(eq(formSubmissions.userId, userId), eq(formSubmissions.formKey, keyId));
  const inserted = await tx
    .insert(formSubmissions)
    .values({ userId, formKey: keyId, kind, fingerprint })
    .onConflictDoNothing()
    .returning({ userId: formSubmissions.userId });
  if (inserted.length > 0) {
    return {
      async record(result: R) {
        await tx.update(formSubmissions).set({ result: seal(formKey, result) }).where(row);
      },
    };
  }
  const [earlier] = await tx.select({ kind: formSubmissions.kind, fingerprint: formSubmissions.fingerprint, result: formSubmissions.result }).from(formSubmissions).where(row);
  // Swept between the two statements (a day old): nothing to answer with, and the key is spent.
  if (!earlier || earlier.kind !== kind || earlier.fingerprint !== fingerprint || earlier.result === null) throw new DomainError(422, "form.alreadySent");
  return { replay: open<R>(formKey, earlier.result) };
}

/** The job: forgets the keys of forms sent more than a day ago. */
export async function sweepFormSubmissions(services: Pick<Services, "db">) {
  await services.db.delete(formSubmissions).where(lt(formSubmissions.createdAt, sql`now() - ${sql.raw(`interval '${formSubmissionLifetimeHours} hours'`)}`));
}
