import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useT } from "../i18n/react";
import { passwordMinLength } from "../modules/accounts/password-policy";
import { formKeyField } from "../modules/platform/form-keys";

export type FieldErrors = Record<string, string[] | undefined>;

/** The errors of a failed submission, listed above the form with links to the fields. */
export function ErrorSummary({ errors, formError }: { errors?: FieldErrors; formError?: string }) {
  const t = useT();
  // A domain error names the field and says the same thing as the form-level message: say it once.
  const entries = Object.entries(errors ?? {}).filter(([, m]) => m && m.length > 0 && !(m.length === 1 && m[0] === formError));
  if (!formError && entries.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1}>
      {formError ? <p>{formError}</p> : null}
      {entries.length > 0 ? (
        <>
          <p>{t("form.errorSummary")}</p>
          <ul>
            {entries.map(([field, messages]) => (
              <li key={field}>
                {field === "_form" ? messages![0] : <a href={`#field-${field}`}>{messages![0]}</a>}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

type BaseFieldProps = { name: string; label: ReactNode; hint?: ReactNode; errors?: string[]; optional?: boolean };

function FieldShell({ name, label, hint, errors, optional, children }: BaseFieldProps & { children: ReactNode }) {
  const t = useT();
  return (
    <div className={errors?.length ? "field field-invalid" : "field"}>
      <label htmlFor={`field-${name}`}>
        {label}
        {optional ? <span className="muted"> ({t("form.optional")})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p className="field-error" id={`error-${name}`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (name: string, hint: unknown, errors?: string[]) =>
  [hint ? `hint-${name}` : null, errors?.length ? `error-${name}` : null].filter(Boolean).join(" ") || undefined;

export function TextField({ name, label, hint, errors, optional, ...input }: BaseFieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors} optional={optional}>
      <input
        id={`field-${name}`}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({ name, label, hint, errors, optional, ...input }: BaseFieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors} optional={optional}>
      <textarea
        id={`field-${name}`}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  optional,
  options,
  ...select
}: BaseFieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors} optional={optional}>
      <select
        id={`field-${name}`}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * A new password and its confirmation, with the password policy as hint. The names are the form's field names;
 * the errors are the whole form's, each field showing its own.
 */
export function NewPasswordFields({
  name,
  confirmName,
  label,
  errors,
}: {
  name: string;
  confirmName: string;
  label: ReactNode;
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <>
      <TextField
        name={name}
        type="password"
        label={label}
        hint={t("directory.password.hint", { min: passwordMinLength })}
        autoComplete="new-password"
        required
        errors={errors?.[name]}
      />
      <TextField
        name={confirmName}
        type="password"
        label={t("directory.password.confirm")}
        autoComplete="new-password"
        required
        errors={errors?.[confirmName]}
      />
    </>
  );
}

/**
 * The hidden key of a creating form, made by the page's loader (a failed answer may bring a new one): the server
 * creates one thing per key, however often the form is posted (app/modules/platform/form-keys.ts).
 */
export function FormKeyInput({ value }: { value: string | undefined }) {
  return value ? <input type="hidden" name={formKeyField} value={value} /> : null;
}

/**
 * A submit button that says it is working while its form is on its way, and lets the form go only once meanwhile:
 * a double click or a second Enter sends nothing more (the server would answer it with the first result anyway).
 * It stays focusable (`aria-disabled`), so that a keyboard or screen reader user hears what it says.
 */
export function SubmitButton({
  children,
  pendingLabel,
  intent,
  className = "button",
}: {
  children: ReactNode;
  pendingLabel?: ReactNode;
  intent?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  /** A submission of this form that this button let go is on its way. */
  const sending = useRef(false);
  /** …and this button sent it. */
  const [sentHere, setSentHere] = useState(false);

  // Listening on the form itself runs before Remix's own handler (at the root): a prevented event is not sent.
  useEffect(() => {
    const form = button.current?.form;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (event.defaultPrevented) return;
      if (sending.current) {
        event.preventDefault();
        return;
      }
      sending.current = true;
      setSentHere(event.submitter === button.current);
    };
    // Back to a page kept by the browser after a full-page post: its form may go again.
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      sending.current = false;
      setSentHere(false);
    };
    form.addEventListener("submit", onSubmit);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      form.removeEventListener("submit", onSubmit);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
  useEffect(() => {
    if (navigation.state !== "idle") return;
    sending.current = false;
    setSentHere(false);
  }, [navigation.state]);

  const pending = sentHere && navigation.state !== "idle";
  return (
    <button ref={button} type="submit" className={className} name={intent ? "intent" : undefined} value={intent} aria-disabled={pending || undefined}>
      {pending ? (pendingLabel ?? t("form.saving")) : children}
    </button>
  );
}
