import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { LengthLimits } from '@/lib/validation';
import { lengthProblem } from '@/lib/validation';

type MessageFormProps = {
  /** The request's field, for the server's field errors. */
  field: string;
  label: string;
  description?: string;
  submitLabel: string;
  limits: LengthLimits;
  pending: boolean;
  error: unknown;
  onSubmit: (text: string, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  /** Said under the button after a send. */
  doneText?: string | null;
};

/** One text and a button: the follow-up message, the resolution note, the respondent's reply. */
export function MessageForm({ field, label, description, submitLabel, limits, pending, error, onSubmit, doneText }: MessageFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const form = useForm({
    initialValues: { text: '' },
    validate: { text: (v: string) => lengthProblem(t, v.trim(), limits) },
  });
  const submit = form.onSubmit(({ text }) =>
    onSubmit(text.trim(), {
      onSuccess: () => form.reset(),
      onError: (failure) => {
        const errors = formErrorsFrom(failure, [field], describeError);
        if (errors[field]) form.setFieldError('text', errors[field]);
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={label}
          description={description}
          required
          autosize
          minRows={3}
          maxLength={limits.maxLength}
          {...form.getInputProps('text')}
        />
        <ErrorAlert error={error} shownFields={[field]} />
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
        {doneText && (
          <Text size="sm" c="teal.9" role="status">
            {doneText}
          </Text>
        )}
      </Stack>
    </form>
  );
}
