import { isApiError } from './problem';

/**
 * The server's field errors for the fields a form has, ready for `form.setErrors`. A field error
 * that comes with its own code (e.g. `email_taken` on `email`) is said with that code's
 * translated message; plain validation messages are shown as the server wrote them.
 */
export function formErrorsFrom(
  error: unknown,
  fields: readonly string[],
  describe?: (error: unknown) => string,
): Record<string, string> {
  if (!isApiError(error)) return {};
  const coded = error.code !== 'validation_failed' && describe ? describe(error) : null;
  return Object.fromEntries(
    Object.entries(error.fieldErrors)
      .filter(([field]) => fields.includes(field))
      .map(([field, message]) => [field, coded ?? message]),
  );
}
