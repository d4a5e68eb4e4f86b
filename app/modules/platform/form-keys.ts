/**
 * A creating form (new topic, reply, new case, invitation, token, new member) carries a key made on the server when
 * the page renders, in a hidden field: posted twice, the form creates one thing and both answers are the first
 * one's (form-submissions.server.ts). Pure: the components and the routes share the field's name.
 */
export const formKeyField = "formKey";

/** The loader makes 32 random bytes in base64url (43 characters); a key is any such token of 22 to 64 characters. */
export const formKeyPattern = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * The key a posted form carries, as sent: null when it has none (a form rendered before keys existed still
 * works, without the protection). Whatever else came is returned for the claim to refuse.
 */
export function formKeyOf(form: FormData): string | null {
  const value = form.get(formKeyField);
  if (value === null || value === "") return null;
  return typeof value === "string" ? value : "(file)";
}
