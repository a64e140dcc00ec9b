import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { looksLikeEmail } from '@/lib/validation';

import { useRequestPasswordReset } from '../api/request-password-reset';
import { AuthCard } from '../components/auth-card';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (looksLikeEmail(v) ? null : t('validation.email')) },
  });

  return (
    <AuthCard title={t('auth.forgot.title')} lead={t('auth.forgot.lead')}>
      {request.isSuccess ? (
        <Alert color="green" icon={<IconMailCheck />} role="status">
          {t('auth.forgot.sent')}
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(({ email }) =>
            request.mutate(email.trim(), {
              onError: (error) => form.setErrors(formErrorsFrom(error, ['email'], describeError)),
            }),
          )}
        >
          <Stack gap="sm">
            <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <ErrorAlert error={request.error} shownFields={['email']} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
