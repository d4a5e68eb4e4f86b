import type { MessageKey } from "../../i18n";

/**
 * The error for the confirmation field of a new-password pair, as a catalogue key: the two values read from the
 * form differ (and the first is not empty: an empty password is the password field's own error).
 */
export function passwordConfirmationError(form: FormData, names: { password: string; confirmation: string }): MessageKey | undefined {
  const password = String(form.get(names.password) ?? "");
  const confirmation = String(form.get(names.confirmation) ?? "");
  return password && password !== confirmation ? "password.mismatch" : undefined;
}
