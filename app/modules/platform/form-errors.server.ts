import { data } from "@remix-run/node";
import type { Translate } from "../../i18n";
import { DomainError } from "./errors";
import { renewedFormKey } from "./form-submissions.server";
import { translateFieldErrors, type FieldErrors } from "./validation";

/**
 * A domain failure as a form's answer: 403 and 404 become the error pages, anything else comes back with the
 * messages next to the fields and what the person typed, in their language. Other errors are rethrown. A creating
 * form's failure (`keyed`) brings a new form key, so that sending it again is a new submission.
 */
export function formFailure<R extends { errors?: FieldErrors; formError?: string; values?: unknown; formKey?: string }>(
  error: unknown,
  t: Translate,
  values: R["values"],
  options: { keyed?: boolean } = {},
) {
  if (!(error instanceof DomainError)) throw error;
  if (error.status === 403 || error.status === 404) throw new Response(null, { status: error.status });
  return data<R>(
    {
      errors: translateFieldErrors(error.options.fieldErrors, t),
      formError: t(error.messageKey, error.options.params),
      values,
      ...(options.keyed ? renewedFormKey() : {}),
    } as R,
    { status: error.status },
  );
}
