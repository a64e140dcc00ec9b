import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

import { isApiError } from '@/lib/api/problem';
import { useErrorMessage } from '@/lib/api/use-error-message';

type ErrorAlertProps = {
  error: unknown;
  title?: string;
  /** Fields shown next to their inputs, so not repeated here. */
  shownFields?: readonly string[];
  children?: ReactNode;
};

/** The message of a failed request, plus any field errors the form cannot show by its inputs. */
export function ErrorAlert({ error, title, shownFields = [], children }: ErrorAlertProps) {
  const message = useErrorMessage();
  if (!error) return null;
  const allFieldErrors = isApiError(error) ? Object.entries(error.fieldErrors) : [];
  const unshown = allFieldErrors.filter(([field]) => !shownFields.includes(field));
  // Every problem is already written next to its field: saying it again here is noise.
  if (allFieldErrors.length > 0 && unshown.length === 0) return null;
  // A coded error (e.g. `invalid_token`) is fully said by its message; list fields only for validation.
  const fieldErrors = isApiError(error, 'validation_failed') ? unshown : [];
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title} role="alert">
      {message(error)}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map(([field, text]) => (
            <li key={field}>
              {field}: {text}
            </li>
          ))}
        </ul>
      )}
      {children}
    </Alert>
  );
}
