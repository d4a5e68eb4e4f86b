import type { MessageKey, TranslationParams } from "../../i18n";

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/**
 * A failure the caller can act on. Domain modules throw it with catalogue keys; the API turns it into
 * problem+json and pages into messages, both in the reader's language.
 */
export class DomainError extends Error {
  constructor(
    public readonly status: ProblemStatus,
    public readonly messageKey: MessageKey,
    public readonly options: {
      fieldErrors?: Record<string, string[]>;
      params?: TranslationParams;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

export const notFound = () => new DomainError(404, "problem.notFoundDetail");
export const forbidden = (key: MessageKey = "auth.forbidden") => new DomainError(403, key);
export const unauthorized = () => new DomainError(401, "auth.signInRequired");
/** 422 with one field's message (a catalogue key). */
export const invalidField = (field: string, key: MessageKey) =>
  new DomainError(422, "problem.unprocessable", { fieldErrors: { [field]: [key] } });
/** 400 for a list cursor this server did not write (or wrote for another sort): the parameter is named. */
export const badCursor = () => new DomainError(400, "problem.badCursor", { fieldErrors: { cursor: ["problem.badCursor"] } });
