import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { caseInputOf, findingErrors, mergeErrors, readCaseForm, scannedFieldsOf, shownWarnings, type CaseFormValues, type ShownFinding } from "./form-values";
import { formFailure } from "~/modules/platform/form-errors.server";
import { formKeyOf } from "~/modules/platform/form-keys";
import { translatorFor } from "~/modules/platform/context.server";
import { parseWith, type FieldErrors } from "~/modules/platform/validation";
import { CaseFindingsError } from "./cases.server";
import { scanCase } from "./personal-data";

export type CaseFormResult = {
  values: CaseFormValues;
  errors?: FieldErrors;
  formError?: string;
  warnings?: ShownFinding[];
  /** The text looks like it holds personal data: the form offers to send it for a lead's review. */
  findings?: boolean;
  /** The answer to "check the text" (nothing saved). */
  checked?: "clean" | "findings";
  /** A failed new case's new form key: sent again, it is a new submission. */
  formKey?: string;
};

/**
 * The new-case and edit-case forms, posted without JavaScript: "check the text" scans and stores nothing; a
 * submission is validated with `schema`, then `save` stores it and names the page to go to (with the form's key,
 * for a creating form). Personal-data findings and invalid fields come back next to the fields, with what was typed.
 */
export async function answerCaseForm<S extends z.ZodTypeAny>(
  context: AppLoadContext,
  request: Request,
  schema: S,
  save: (input: z.output<S>, sent: { formKey: string | null }) => Promise<string>,
) {
  const t = translatorFor(context);
  const form = await request.formData();
  const formKey = formKeyOf(form);
  const values = readCaseForm(form);
  const scan = scanCase(scannedFieldsOf(values));
  const warnings = shownWarnings(t, scan.warnings);
  if (form.get("intent") === "check") {
    return data<CaseFormResult>({
      values,
      errors: findingErrors(t, scan.findings),
      warnings,
      findings: scan.findings.length > 0,
      checked: scan.findings.length ? "findings" : "clean",
    });
  }
  const parsed = parseWith(schema, caseInputOf(values), t);
  if (!parsed.ok) {
    return data<CaseFormResult>(
      { values, errors: mergeErrors(parsed.errors, values.acknowledgeWarnings ? undefined : findingErrors(t, scan.findings)), warnings, findings: scan.findings.length > 0 },
      { status: 422 },
    );
  }
  try {
    return redirect(await save(parsed.data, { formKey }));
  } catch (error) {
    if (error instanceof CaseFindingsError) {
      return data<CaseFormResult>(
        { values, errors: findingErrors(t, error.findings), warnings: shownWarnings(t, error.warnings), findings: true, formError: t("cases.form.findingsTitle") },
        { status: 422 },
      );
    }
    return formFailure<CaseFormResult>(error, t, values, { keyed: formKey !== null });
  }
}
